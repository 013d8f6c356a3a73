/**
 * The contract layer: clause library templates (template.ts compiles them
 * into the data of template-types.ts), assembly of a draft into a
 * ContractDoc (assemble.ts) and the ContractDoc tree itself (doc.ts), which
 * the preview, the .docx writer and compare consume.
 */
export * from './doc';
export * from './template-types';
export * from './template';
export * from './assemble';
export { FILTER_DOCS, joinList, type Vocabulary, type Localized } from './filters';
export { CONDITION_OPERATORS, type Condition } from './conditions';
export { ROOT_TYPE, NAMED_TYPES, describeType, type FieldType } from './context';
