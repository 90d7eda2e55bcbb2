// Where the benches find the command they run: this checkout's jixiao, under the Node the project brings.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../', import.meta.url));
export const node = path.join(root, 'node_modules', '.bin', 'node');
export const bin = path.join(root, 'bin', 'jixiao.js');
