// The compiled read path: read queries turned into one SQL statement each (see compile.ts).
export { compiledSql, type CompiledSql, type SqlBuilder, type SqlRow, type SqlViewer } from './annotations.js';
export { useCompiledRead, type CompiledReadOptions, type CompiledAnswer } from './plugin.js';
export { createRequestReplay, type RequestReplay, type RequestReplayOptions } from './replay.js';
export { compileOperation, constantData, renderStatement, type CompiledOperation, type Statement } from './compile.js';
export { dataModelOf, type DataModel } from './data-model.js';
