/** The structural diff, one change class at a time, on small edits of the vendored upstream file. */
import { describe, expect, it } from 'vitest';
import { diffSpecs } from '../../scripts/lib/spec-diff/diff.ts';
import { diffWith, find, only, S, upstream } from './helpers.ts';

describe('no change', () => {
  it('finds nothing between the file and itself', () => {
    expect(diffSpecs(upstream(), upstream())).toEqual([]);
  });

  it('ignores key order and the order of required/enum/type lists', () => {
    const changes = diffWith((doc) => {
      const s = S(doc).T2aV2Req;
      s.required = [...s.required].reverse();
      S(doc).FileObject.properties.purpose.enum.reverse();
      const { openapi, ...rest } = doc;
      for (const k of Object.keys(doc)) delete doc[k];
      Object.assign(doc, rest, { openapi });
    });
    expect(changes).toEqual([]);
  });

  it('sees through a renamed component when the schema is the same', () => {
    const changes = diffWith((doc) => {
      S(doc).FileObjectV2 = S(doc).FileObject;
      delete S(doc).FileObject;
      const text = JSON.stringify(doc).replaceAll(
        '#/components/schemas/FileObject"',
        '#/components/schemas/FileObjectV2"',
      );
      Object.assign(doc, JSON.parse(text));
    });
    expect(changes.filter((c) => c.severity === 'breaking')).toEqual([]);
  });
});

describe('operations', () => {
  it('reports a removed operation as breaking, with its base pointer', () => {
    const c = only(diffWith((doc) => delete doc.paths['/v1/files/delete']));
    expect(c).toMatchObject({
      kind: 'operation-removed',
      severity: 'breaking',
      operations: ['deleteFile'],
      basePointer: '/paths/~1v1~1files~1delete/post',
      pointer: '/paths',
    });
  });

  it('reports an added operation as non-breaking', () => {
    const c = only(
      diffWith((doc) => {
        doc.paths['/v1/files/copy'] = { post: { operationId: 'copyFile', responses: { 200: { description: 'ok' } } } };
      }),
    );
    expect(c).toMatchObject({
      kind: 'operation-added',
      severity: 'non-breaking',
      pointer: '/paths/~1v1~1files~1copy/post',
    });
  });

  it('reports a renamed operationId (the generated function is renamed) as breaking', () => {
    const c = only(diffWith((doc) => (doc.paths['/v1/files/delete'].post.operationId = 'removeFile')));
    expect(c).toMatchObject({
      kind: 'operation-id-changed',
      severity: 'breaking',
      before: 'deleteFile',
      after: 'removeFile',
    });
  });

  it('reports a moved operation (same operationId, new method) as breaking', () => {
    const c = only(
      diffWith((doc) => {
        const item = doc.paths['/v1/files/delete'];
        item.delete = item.post;
        delete item.post;
      }),
    );
    expect(c).toMatchObject({ kind: 'operation-moved', severity: 'breaking', after: 'DELETE /v1/files/delete' });
  });

  it('reports a newly deprecated operation as non-breaking', () => {
    const c = only(diffWith((doc) => (doc.paths['/v1/files/list'].get.deprecated = true)));
    expect(c).toMatchObject({ kind: 'deprecated', severity: 'non-breaking' });
  });
});

describe('request fields', () => {
  it('optional field added → non-breaking', () => {
    const c = only(diffWith((doc) => (S(doc).T2aV2Req.properties.seed = { type: 'integer' })));
    expect(c).toMatchObject({
      kind: 'field-added',
      variant: 'optional',
      direction: 'request',
      severity: 'non-breaking',
      field: 'seed',
      pointer: '/components/schemas/T2aV2Req/properties/seed',
      operations: ['t2aV2'],
    });
  });

  it('required field added → breaking', () => {
    const c = only(
      diffWith((doc) => {
        S(doc).T2aV2Req.properties.region = { type: 'string' };
        S(doc).T2aV2Req.required.push('region');
      }),
    );
    expect(c).toMatchObject({ kind: 'field-added', variant: 'required', severity: 'breaking' });
  });

  it('field removed → breaking, pointing at the parent in the candidate and the field in the base', () => {
    const c = only(diffWith((doc) => delete S(doc).T2aV2Req.properties.speed_rate));
    expect(c).toMatchObject({
      kind: 'field-removed',
      direction: 'request',
      severity: 'breaking',
      pointer: '/components/schemas/T2aV2Req/properties',
      basePointer: '/components/schemas/T2aV2Req/properties/speed_rate',
    });
  });

  it('existing field newly required → breaking; no longer required → non-breaking', () => {
    const now = only(diffWith((doc) => S(doc).T2aV2Req.required.push('language_boost')));
    expect(now).toMatchObject({ kind: 'field-required', severity: 'breaking', field: 'language_boost' });
    const no = only(diffWith((doc) => (S(doc).T2aV2Req.required = ['model'])));
    expect(no).toMatchObject({ kind: 'field-optional', severity: 'non-breaking', field: 'text' });
  });

  it('names nested fields by their path from the body root', () => {
    const c = only(diffWith((doc) => delete S(doc).T2AVoiceSetting.properties.emotion));
    expect(c.field).toBe('voice_setting.emotion');
    expect(c.message).toContain('`voice_setting.emotion`');
  });

  it('multipart bodies are compared like JSON ones', () => {
    const c = only(
      diffWith((doc) => {
        doc.paths['/v1/files/upload'].post.requestBody.content['multipart/form-data'].schema.required.push('extra');
        doc.paths['/v1/files/upload'].post.requestBody.content['multipart/form-data'].schema.properties.extra = {
          type: 'string',
        };
      }),
    );
    expect(c).toMatchObject({
      kind: 'field-added',
      variant: 'required',
      severity: 'breaking',
      where: 'request body multipart/form-data',
    });
  });
});

describe('response fields', () => {
  it('field removed → breaking, one entry naming every operation that returns it', () => {
    const c = only(diffWith((doc) => delete S(doc).FileObject.properties.filename));
    expect(c).toMatchObject({ kind: 'field-removed', direction: 'response', severity: 'breaking' });
    expect(c.operations.sort()).toEqual(['listFiles', 'retrieveFile', 'uploadFile']);
    expect(c.message).toMatch(/response field `(file|files\[\])\.filename` removed/);
  });

  it('field added → non-breaking', () => {
    const c = only(diffWith((doc) => (S(doc).FileObject.properties.sha256 = { type: 'string' })));
    expect(c).toMatchObject({ kind: 'field-added', direction: 'response', severity: 'non-breaking' });
  });

  it('field no longer guaranteed (required → optional) → breaking; newly guaranteed → non-breaking', () => {
    const base = upstream();
    S(base).FileObject.required = ['bytes'];
    const cand = upstream();
    const changes = diffSpecs(base, cand);
    expect(find(changes, 'field-optional')).toMatchObject({ severity: 'breaking', direction: 'response' });
    expect(find(diffSpecs(cand, base), 'field-required')).toMatchObject({ severity: 'non-breaking' });
  });

  it('array items are followed: files[].bytes', () => {
    const changes = diffWith((doc) => (S(doc).ListFileResp.properties.files.items = { type: 'object' }));
    expect(find(changes, 'field-removed', { field: 'files[].bytes' })).toBeDefined();
  });
});

describe('parameters', () => {
  it('optional parameter added → non-breaking; required → breaking', () => {
    const add = (required: boolean) =>
      only(
        diffWith((doc) =>
          doc.paths['/v1/files/list'].get.parameters.push({
            name: 'order',
            in: 'query',
            required,
            schema: { type: 'string' },
          }),
        ),
      );
    expect(add(false)).toMatchObject({ kind: 'parameter-added', severity: 'non-breaking', field: 'query.order' });
    expect(add(true)).toMatchObject({ kind: 'parameter-added', severity: 'breaking' });
  });

  it('parameter removed → breaking; newly required → breaking; no longer required → non-breaking', () => {
    const removed = only(diffWith((doc) => doc.paths['/v1/files/list'].get.parameters.splice(2, 1)));
    expect(removed).toMatchObject({ kind: 'parameter-removed', severity: 'breaking', field: 'query.page' });
    const req = only(diffWith((doc) => (doc.paths['/v1/files/list'].get.parameters[1].required = true)));
    expect(req).toMatchObject({ kind: 'parameter-required', severity: 'breaking', field: 'query.purpose' });
    const opt = only(diffWith((doc) => (doc.paths['/v1/files/list'].get.parameters[0].required = false)));
    expect(opt).toMatchObject({ kind: 'parameter-optional', severity: 'non-breaking' });
  });

  it('parameter reordering is no change; its schema is compared', () => {
    expect(diffWith((doc) => doc.paths['/v1/files/list'].get.parameters.reverse())).toEqual([]);
    const c = only(diffWith((doc) => (doc.paths['/v1/files/list'].get.parameters[3].schema.type = 'string')));
    expect(c).toMatchObject({
      kind: 'type-changed',
      direction: 'request',
      variant: 'incompatible',
      severity: 'breaking',
    });
    expect(c.message).toContain('query parameter `size`');
  });
});

describe('request bodies', () => {
  it('body removed → breaking; added (required) → breaking; required flag flips', () => {
    expect(only(diffWith((doc) => delete doc.paths['/v1/t2a_v2'].post.requestBody))).toMatchObject({
      kind: 'request-body-removed',
      severity: 'breaking',
    });
    const added = only(
      diffWith((doc) => {
        doc.paths['/v1/files/list'].get.requestBody = {
          required: true,
          content: { 'application/json': { schema: { type: 'object' } } },
        };
      }),
    );
    expect(added).toMatchObject({ kind: 'request-body-added', variant: 'required', severity: 'breaking' });
    expect(only(diffWith((doc) => (doc.paths['/v1/t2a_v2'].post.requestBody.required = false)))).toMatchObject({
      kind: 'request-body-optional',
      severity: 'non-breaking',
    });
  });
});

describe('types, formats, nullability', () => {
  it('request type narrowed (number → integer) → breaking; widened (integer → number) → non-breaking', () => {
    const narrowed = only(diffWith((doc) => (S(doc).T2AVoiceSetting.properties.speed.type = 'integer')));
    expect(narrowed).toMatchObject({ kind: 'type-changed', variant: 'narrowing', severity: 'breaking' });
    const widened = only(
      diffWith((doc) => (S(doc).T2AVoiceSetting.properties.pitch = { type: 'number', format: 'int64' })),
    );
    expect(widened).toMatchObject({ kind: 'type-changed', variant: 'widening', severity: 'non-breaking' });
  });

  it('response type widened → breaking; narrowed → non-breaking; changed → breaking', () => {
    const widened = only(diffWith((doc) => (S(doc).FileObject.properties.bytes.type = ['integer', 'string'])));
    expect(widened).toMatchObject({
      kind: 'type-changed',
      direction: 'response',
      variant: 'widening',
      severity: 'breaking',
    });
    const changed = only(diffWith((doc) => (S(doc).FileObject.properties.filename.type = 'integer')));
    expect(changed).toMatchObject({ variant: 'incompatible', severity: 'breaking' });
    expect(changed.pointer).toBe('/components/schemas/FileObject/properties/filename/type');
  });

  it('format changes: added in a request, removed or changed in a response → breaking', () => {
    const reqAdded = only(diffWith((doc) => (S(doc).T2aV2Req.properties.text.format = 'uri')));
    expect(reqAdded).toMatchObject({ kind: 'format-changed', variant: 'added', severity: 'breaking' });
    const respChanged = only(diffWith((doc) => (S(doc).FileObject.properties.bytes.format = 'int32')));
    expect(respChanged).toMatchObject({
      kind: 'format-changed',
      variant: 'changed',
      severity: 'breaking',
      before: 'int64',
      after: 'int32',
    });
    const respAdded = only(diffWith((doc) => (S(doc).FileObject.properties.filename.format = 'uri')));
    expect(respAdded).toMatchObject({ variant: 'added', severity: 'non-breaking' });
  });

  it('nullable response field → breaking; 3.1 type arrays, 3.0 nullable and anyOf-null all count', () => {
    const typeArray = only(diffWith((doc) => (S(doc).FileObject.properties.filename.type = ['string', 'null'])));
    expect(typeArray).toMatchObject({ kind: 'nullable-added', direction: 'response', severity: 'breaking' });
    const legacy = only(diffWith((doc) => (S(doc).FileObject.properties.filename.nullable = true)));
    expect(legacy).toMatchObject({ kind: 'nullable-added' });
    const anyOf = only(
      diffWith((doc) => {
        S(doc).RetrieveFileResp.properties.file = {
          anyOf: [{ $ref: '#/components/schemas/FileObject' }, { type: 'null' }],
        };
      }),
    );
    expect(anyOf).toMatchObject({ kind: 'nullable-added', severity: 'breaking', field: 'file' });
  });

  it('request field no longer nullable → breaking', () => {
    const base = upstream();
    S(base).T2aV2Req.properties.language_boost.type = ['string', 'null'];
    const c = only(diffSpecs(base, upstream()));
    expect(c).toMatchObject({ kind: 'nullable-removed', direction: 'request', severity: 'breaking' });
  });
});
