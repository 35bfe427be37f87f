// Child entry of the calibration target.
import { serveChild } from '../lifecycle/child.js';
import type { CalibrationSpec } from './latency-spec.js';
import { startCalibrationServer } from './server.js';

interface CalibrationChildConfig {
  host: string;
  spec: CalibrationSpec;
}

serveChild<CalibrationChildConfig>(async (cfg) => {
  const s = await startCalibrationServer(cfg.spec, { host: cfg.host, port: 0 });
  return { host: s.host, port: s.port, close: () => s.close() };
});
