// k6-operator manifests: the script (and its bundled builders) in a ConfigMap, and a TestRun
// that runs it on N pods. k6-operator gives each pod an execution segment, so the script keeps
// the scenario's total rates and VUs and each pod runs its share.

export interface OperatorInput {
  /** Kubernetes object name for both the ConfigMap and the TestRun. */
  name: string;
  files: Record<string, string>;
  scriptFile: string;
  parallelism: number;
  url: string;
}

/** Where each pod writes its points; a ReadWriteMany claim you provide (docs/k6.md). */
export const RESULTS_CLAIM = 'archbench-k6-results';
export const RESULTS_MOUNT = '/results';

/** A YAML block scalar keeps the script byte for byte (no escaping); `|` with explicit indentation. */
function blockScalar(text: string, indent: string): string {
  const body = text.endsWith('\n') ? text : `${text}\n`;
  return `|\n${body.split('\n').slice(0, -1).map((l) => (l === '' ? '' : indent + l)).join('\n')}`;
}

/** A Kubernetes name: lower-case letters, digits and dashes, at most 63 characters. */
export function kubernetesName(text: string): string {
  const name = `archbench-${text}`.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/-+$/, '');
  return name.slice(0, 63).replace(/-+$/, '');
}

export function renderConfigMap(input: OperatorInput): string {
  const data = Object.entries(input.files)
    .map(([file, text]) => `  ${file}: ${blockScalar(text, '    ')}`)
    .join('\n');
  return `apiVersion: v1
kind: ConfigMap
metadata:
  name: ${input.name}
data:
${data}
`;
}

export function renderTestRun(input: OperatorInput): string {
  return `# k6-operator TestRun: ${input.parallelism} pod(s) run ${input.scriptFile} from ConfigMap ${input.name}.
# Each pod gets an execution segment: the script's rates and VUs are the totals, split across pods.
# Each pod writes its own points file (POD_NAME expands per pod) to the claim "${RESULTS_CLAIM}";
# afterwards: bench import k6 <all points-*.json.gz> (one file per pod, merged exactly).
apiVersion: k6.io/v1alpha1
kind: TestRun
metadata:
  name: ${input.name}
spec:
  parallelism: ${input.parallelism}
  script:
    configMap:
      name: ${input.name}
      file: ${input.scriptFile}
  arguments: --out json=${RESULTS_MOUNT}/points-$(POD_NAME).json.gz
  runner:
    env:
      - name: BASE_URL
        value: ${JSON.stringify(input.url)}
      - name: POD_NAME
        valueFrom:
          fieldRef:
            fieldPath: metadata.name
    volumes:
      - name: results
        persistentVolumeClaim:
          claimName: ${RESULTS_CLAIM}
    volumeMounts:
      - name: results
        mountPath: ${RESULTS_MOUNT}
`;
}
