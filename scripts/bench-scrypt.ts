// The password hash's CPU cost per setting of ARCHBENCH_SCRYPT_N, the figure README quotes:
//   node --import tsx scripts/bench-scrypt.ts [N ...]   (default 512 16384)
import { PasswordHasher } from '../targets/domain/auth/password-hasher.js';

const settings = process.argv.slice(2).map(Number);
for (const n of settings.length ? settings : [512, 16384]) {
  const hasher = new PasswordHasher(n);
  await hasher.hash('warm-up-password');
  const rounds = n > 4096 ? 20 : 200;
  const cpu = process.cpuUsage();
  for (let i = 0; i < rounds; i++) await hasher.hash(`password-${i}`);
  const d = process.cpuUsage(cpu);
  console.log(`N=${n}: ${((d.user + d.system) / 1000 / rounds).toFixed(2)} ms of CPU per hash (${rounds} hashes)`);
}
