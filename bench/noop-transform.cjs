/**
 * What a naive codemod costs: a jscodeshift transform that parses every file
 * (with the parser jscodeshift was given) and changes nothing.
 */
module.exports = function noopTransform(file, api) {
  api.jscodeshift(file.source);
  return undefined;
};
