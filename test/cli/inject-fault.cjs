// Preloaded into the CLI by test/cli/reliability.test.ts (node -r): makes the
// first text decoding throw, standing for any internal error of ours.
const original = TextDecoder.prototype.decode;
TextDecoder.prototype.decode = function decode(...args) {
  TextDecoder.prototype.decode = original;
  throw new Error('injected fault');
};
