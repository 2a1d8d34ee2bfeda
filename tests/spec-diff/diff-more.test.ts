/** The structural diff, continued: enums, constraints, content types, security, the catch-all and $refs. */
import { describe, expect, it } from 'vitest';
import { diffSpecs } from '../../scripts/lib/spec-diff/diff.ts';
import { type Doc, diffWith, find, only, S, upstream } from './helpers.ts';

describe('enums', () => {
  it('response enum value added → breaking (exhaustive switches); removed → breaking', () => {
    const added = only(diffWith((doc) => S(doc).VideoProcessStatus.enum.push('Failed')));
    expect(added).toMatchObject({
      kind: 'enum-value-added',
      direction: 'response',
      severity: 'breaking',
      after: 'Failed',
      pointer: '/components/schemas/VideoProcessStatus/enum',
    });
    const removed = only(diffWith((doc) => S(doc).T2AAsyncV2QueryResp.properties.status.enum.pop()));
    expect(removed).toMatchObject({ kind: 'enum-value-removed', severity: 'breaking', before: 'processing' });
  });

  it('request enum value added → non-breaking; removed → breaking', () => {
    const path = (doc: Doc) => doc.paths['/v1/files/upload'].post.requestBody.content['multipart/form-data'].schema;
    expect(only(diffWith((doc) => path(doc).properties.purpose.enum.push('voice_clone')))).toMatchObject({
      kind: 'enum-value-added',
      direction: 'request',
      severity: 'non-breaking',
    });
    expect(only(diffWith((doc) => path(doc).properties.purpose.enum.shift()))).toMatchObject({
      kind: 'enum-value-removed',
      direction: 'request',
      severity: 'breaking',
    });
  });

  it('an enum appearing on a request field → breaking; disappearing from a response field → breaking', () => {
    expect(only(diffWith((doc) => (S(doc).T2aV2Req.properties.language_boost.enum = ['auto'])))).toMatchObject({
      kind: 'enum-added',
      severity: 'breaking',
    });
    expect(only(diffWith((doc) => delete S(doc).VideoProcessStatus.enum))).toMatchObject({
      kind: 'enum-removed',
      severity: 'breaking',
    });
  });

  it('a one-value const counts as an enum', () => {
    const same = diffWith((doc) => {
      const { enum: _values, ...rest } = S(doc).FileObject.properties.object;
      S(doc).FileObject.properties.object = { ...rest, const: 'file' };
    });
    expect(same).toEqual([]);
    const changes = diffWith((doc) => (S(doc).FileObject.properties.object.enum = undefined));
    expect(find(changes, 'enum-removed')).toMatchObject({ direction: 'response', severity: 'breaking' });
    const other = diffWith((doc) => {
      const { enum: _values, ...rest } = S(doc).FileObject.properties.object;
      S(doc).FileObject.properties.object = { ...rest, const: 'file_object' };
    });
    expect(find(other, 'enum-value-added', { after: 'file_object' })).toBeDefined();
    expect(find(other, 'enum-value-removed', { before: 'file' })).toBeDefined();
  });
});

describe('constraints, variants, additional properties', () => {
  it('tighter request constraint → breaking; looser → non-breaking; response constraints → non-breaking', () => {
    expect(only(diffWith((doc) => (S(doc).T2aV2Req.properties.text.maxLength = 100)))).toMatchObject({
      kind: 'constraint-changed',
      variant: 'tighter',
      severity: 'breaking',
    });
    const base = upstream();
    S(base).T2aV2Req.properties.text.maxLength = 100;
    const cand = upstream();
    S(cand).T2aV2Req.properties.text.maxLength = 5000;
    expect(only(diffSpecs(base, cand))).toMatchObject({ variant: 'looser', severity: 'non-breaking' });
    expect(only(diffWith((doc) => (S(doc).FileObject.properties.filename.maxLength = 10)))).toMatchObject({
      direction: 'response',
      severity: 'non-breaking',
    });
  });

  it('oneOf variant added: response → breaking, request → non-breaking', () => {
    const changes = diffWith((doc) => {
      S(doc).RetrieveFileResp.properties.file = {
        oneOf: [{ $ref: '#/components/schemas/FileObject' }, { $ref: '#/components/schemas/ImageObject' }],
      };
    });
    expect(find(changes, 'variant-added', { direction: 'response' })).toMatchObject({ severity: 'breaking' });
  });

  it('allOf members are merged: a field moved into an allOf member is no change', () => {
    const changes = diffWith((doc) => {
      const { filename, ...rest } = S(doc).FileObject.properties;
      S(doc).FileObject = {
        allOf: [
          { type: 'object', properties: rest },
          { type: 'object', properties: { filename } },
        ],
      };
    });
    expect(changes.filter((c) => c.severity === 'breaking')).toEqual([]);
  });

  it('additionalProperties: false on a request body → breaking', () => {
    expect(only(diffWith((doc) => (S(doc).T2aV2Req.additionalProperties = false)))).toMatchObject({
      kind: 'additional-properties-changed',
      variant: 'tighter',
      severity: 'breaking',
    });
  });
});

describe('content types', () => {
  it('response content type replaced → breaking', () => {
    const c = only(
      diffWith((doc) => {
        const r = doc.paths['/v1/files/retrieve'].get.responses['200'];
        r.content = { 'application/xml': r.content['application/json'] };
      }),
    );
    expect(c).toMatchObject({
      kind: 'content-type-changed',
      severity: 'breaking',
      before: 'application/json',
      after: 'application/xml',
      pointer: '/paths/~1v1~1files~1retrieve/get/responses/200/content/application~1xml',
    });
  });

  it('request content type removed → breaking; added beside the old one → non-breaking', () => {
    const removed = diffWith((doc) => {
      doc.paths['/v1/t2a_v2'].post.requestBody.content = {};
    });
    expect(find(removed, 'content-type-removed')).toMatchObject({ severity: 'breaking', before: 'application/json' });
    const added = only(
      diffWith((doc) => {
        const content = doc.paths['/v1/t2a_v2'].post.requestBody.content;
        content['application/x-www-form-urlencoded'] = content['application/json'];
      }),
    );
    expect(added).toMatchObject({ kind: 'content-type-added', severity: 'non-breaking' });
  });

  it('response removed: success → breaking, error → non-breaking; response added → non-breaking', () => {
    expect(only(diffWith((doc) => delete doc.paths['/v1/files/retrieve'].get.responses['200']))).toMatchObject({
      kind: 'response-removed',
      severity: 'breaking',
    });
    expect(only(diffWith((doc) => delete doc.paths['/v1/files/retrieve'].get.responses['404']))).toMatchObject({
      kind: 'response-removed',
      severity: 'non-breaking',
    });
    expect(
      only(diffWith((doc) => (doc.paths['/v1/files/retrieve'].get.responses['429'] = { description: 'slow down' }))),
    ).toMatchObject({ kind: 'response-added', severity: 'non-breaking' });
  });
});

describe('security', () => {
  it('global requirement changed → one breaking change naming every operation', () => {
    const changes = diffWith((doc) => {
      doc.components.securitySchemes.apiKey = { type: 'apiKey', in: 'header', name: 'x-api-key' };
      doc.security = [{ apiKey: [] }];
    });
    const c = find(changes, 'security-changed');
    expect(c).toMatchObject({ severity: 'breaking', pointer: '/security' });
    expect(c?.operations).toHaveLength(18);
    expect(find(changes, 'security-scheme-added')).toMatchObject({ severity: 'non-breaking' });
  });

  it('an operation opting out or in → breaking; a scheme changed → breaking', () => {
    expect(only(diffWith((doc) => (doc.paths['/v1/files/list'].get.security = [])))).toMatchObject({
      kind: 'security-changed',
      operations: ['listFiles'],
    });
    expect(
      only(
        diffWith((doc) => (doc.components.securitySchemes.bearerAuth = { type: 'apiKey', in: 'header', name: 'k' })),
      ),
    ).toMatchObject({ kind: 'security-scheme-changed', severity: 'breaking' });
  });
});

describe('the catch-all', () => {
  it('reports descriptions and examples as documentation, not structure', () => {
    const changes = diffWith((doc) => {
      doc.info.description = 'new';
      S(doc).FileObject.properties.bytes.description = 'Size in bytes';
      doc.paths['/v1/files/list'].get.summary = 'List';
    });
    expect(changes.map((c) => c.kind)).toEqual([
      'documentation-changed',
      'documentation-changed',
      'documentation-changed',
    ]);
    expect(changes.every((c) => c.severity === 'non-breaking')).toBe(true);
  });

  it('a property named like an annotation keyword is a field, not documentation', () => {
    const c = only(diffWith((doc) => (S(doc).FileObject.properties.description = { type: 'string' })));
    expect(c.kind).toBe('field-added');
  });

  it('an unreferenced component added and a keyword no rule models are reported as other', () => {
    const changes = diffWith((doc) => {
      S(doc).Unused = { type: 'string' };
      S(doc).FileObject.properties.filename.not = { const: '' };
    });
    expect(find(changes, 'other', { pointer: '/components/schemas/Unused' })?.message).toContain(
      'used by no operation',
    );
    const keyword = find(changes, 'other', { pointer: '/components/schemas/FileObject/properties/filename/not' });
    expect(keyword?.operations.sort()).toEqual(['listFiles', 'retrieveFile', 'uploadFile']);
  });

  it('servers changed → non-breaking', () => {
    expect(only(diffWith((doc) => (doc.servers = [{ url: 'https://api.minimaxi.com' }])))).toMatchObject({
      kind: 'servers-changed',
      severity: 'non-breaking',
    });
  });
});

describe('$refs', () => {
  it('terminates on cyclic schemas and still finds changes inside them', () => {
    const make = (extra: boolean) => {
      const doc = upstream();
      S(doc).Node = {
        type: 'object',
        properties: {
          name: { type: 'string' },
          children: { type: 'array', items: { $ref: '#/components/schemas/Node' } },
        },
      };
      if (extra) S(doc).Node.properties.name.type = 'integer';
      S(doc).FileObject.properties.tree = { $ref: '#/components/schemas/Node' };
      return doc;
    };
    const changes = diffSpecs(make(false), make(true));
    expect(only(changes)).toMatchObject({
      kind: 'type-changed',
      pointer: '/components/schemas/Node/properties/name/type',
    });
  });

  it('terminates on a $ref chain that loops on itself', () => {
    const doc = upstream();
    S(doc).A = { $ref: '#/components/schemas/B' };
    S(doc).B = { $ref: '#/components/schemas/A' };
    S(doc).FileObject.properties.loop = { $ref: '#/components/schemas/A' };
    expect(() => diffSpecs(doc, structuredClone(doc))).not.toThrow();
  });

  it('compares an inline schema with the component that replaced it, pointing into the component', () => {
    const changes = diffWith((doc) => {
      S(doc).Bytes = { type: 'string' };
      S(doc).FileObject.properties.bytes = { $ref: '#/components/schemas/Bytes' };
    });
    const c = find(changes, 'type-changed');
    expect(c).toMatchObject({
      pointer: '/components/schemas/Bytes/type',
      basePointer: '/components/schemas/FileObject/properties/bytes/type',
    });
  });

  it('tolerates the dangling refs the vendored file already has', () => {
    const base = upstream();
    expect(JSON.stringify(base)).toContain('VideoTemplateGenerationReq');
    expect(diffSpecs(base, upstream())).toEqual([]);
  });
});
