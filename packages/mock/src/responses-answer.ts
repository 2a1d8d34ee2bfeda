/**
 * The Responses API answer the mock gives a request: the spec's example, made to answer *this* request — its model,
 * a fresh id (item ids derived from it, `<id>_msg`, `<id>_fc_0`), the current time, an input token count derived from
 * the input — and a function call to the request's own tool when it sent `tools` (unless `tool_choice: none`, or
 * the conversation ends with the tool's result, which the model then answers in text). A tool-calling client can
 * run a whole loop against it.
 */
import type { RequestContext } from './context.ts';
import { newTraceId } from './trace-id.ts';

type Obj = Record<string, unknown>;

const isObj = (value: unknown): value is Obj => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A deterministic stand-in for a tokenizer: about four characters per token, plus a few per conversation item.
 *
 * @example
 * ```ts
 * estimateInputTokens({ model: 'MiniMax-M3', input: 'Hello!' }); // 5
 * ```
 */
export function estimateInputTokens(request: unknown): number {
  if (!isObj(request)) return 1;
  let chars = 0;
  let items = 1;
  const visit = (node: unknown): void => {
    if (typeof node === 'string') chars += node.length;
    else if (Array.isArray(node)) for (const child of node) visit(child);
    else if (isObj(node)) for (const [key, value] of Object.entries(node)) if (key !== 'type') visit(value);
  };
  visit(request.instructions);
  if (Array.isArray(request.input)) {
    items += request.input.length;
    visit(request.input);
  } else visit(request.input);
  if (Array.isArray(request.tools)) chars += JSON.stringify(request.tools).length;
  return Math.ceil(chars / 4) + 3 * items;
}

/** Whether the model should call a tool: tools offered, not forbidden, and no tool result to answer yet. */
function wantsToolCall(request: Obj): boolean {
  if (!Array.isArray(request.tools) || request.tools.length === 0 || request.tool_choice === 'none') return false;
  const input = Array.isArray(request.input) ? request.input : [];
  const last = input[input.length - 1];
  return !(isObj(last) && last.type === 'function_call_output');
}

/** Plausible arguments for a JSON Schema: each required property (every property when none is) with a sample. */
export function sampleArguments(schema: unknown): unknown {
  if (!isObj(schema)) return {};
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0];
  if ('const' in schema) return schema.const;
  if ('default' in schema) return schema.default;
  switch (schema.type) {
    case 'string':
      return 'Boston, MA';
    case 'number':
    case 'integer':
      return typeof schema.minimum === 'number' ? schema.minimum : 1;
    case 'boolean':
      return true;
    case 'array':
      return [];
    default: {
      const properties = isObj(schema.properties) ? schema.properties : {};
      const keys = Array.isArray(schema.required) ? (schema.required as string[]) : Object.keys(properties);
      return Object.fromEntries(keys.map((key) => [key, sampleArguments(properties[key])]));
    }
  }
}

/**
 * The final response for a `POST /v1/responses` request. In `dynamic` mode: a body generated from the schema, as is.
 *
 * @example
 * ```ts
 * const response = await answerFor(ctx); // { id: 'resp_…', object: 'response', status: 'completed', output: [...] }
 * ```
 */
export async function answerFor(ctx: RequestContext): Promise<Obj> {
  const request = isObj(ctx.json) ? ctx.json : {};
  const dynamic = ctx.prefs.dynamic ?? ctx.settings.dynamic;
  const call = wantsToolCall(request);
  const mocked = await ctx.remock({
    mediaType: 'application/json',
    dynamic,
    ...(!dynamic && { exampleKey: call ? 'function_call' : 'default' }),
  });
  if (!mocked.ok || !isObj(mocked.response.body)) throw new Error('the spec has no Responses example to answer with');
  const body = structuredClone(mocked.response.body);
  return dynamic ? body : personalize(body, request, call);
}

function personalize(body: Obj, request: Obj, call: boolean): Obj {
  const id = `resp_${newTraceId().slice(0, 24)}`;
  const output = (Array.isArray(body.output) ? body.output : []).filter(isObj);
  let calls = 0;
  for (const item of output) {
    if (item.type === 'message') item.id = `${id}_msg`;
    else if (item.type === 'reasoning') item.id = `${id}_rs`;
    else if (item.type === 'function_call') {
      item.id = `${id}_fc_${calls}`;
      item.call_id = `call_${newTraceId().slice(0, 16)}`;
      if (call) Object.assign(item, toolCall(request, calls));
      calls++;
    }
  }
  const usage = isObj(body.usage) ? body.usage : {};
  const inputTokens = estimateInputTokens(request);
  const outputTokens = typeof usage.output_tokens === 'number' ? usage.output_tokens : 0;
  return {
    ...body,
    id,
    created_at: Math.floor(Date.now() / 1000),
    model: typeof request.model === 'string' ? request.model : body.model,
    output,
    usage: { ...usage, input_tokens: inputTokens, total_tokens: inputTokens + outputTokens },
  };
}

/** The request's n-th tool (the first when there are fewer), called with sample arguments for its schema. */
function toolCall(request: Obj, n: number): Obj {
  const tools = (request.tools as unknown[]).filter(isObj);
  const tool = tools[Math.min(n, tools.length - 1)] ?? {};
  return { name: tool.name, arguments: JSON.stringify(sampleArguments(tool.parameters)) };
}
