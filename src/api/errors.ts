// The errors the library throws on purpose, for `instanceof` and `reason`.
export { InputError, type InputReason } from '../pipeline/errors.ts';
export { BatchEnvironmentError, BatchSetupError } from '../batch/errors.ts';
