import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { decideWorkload } from '../../src/kubernetes/workloads.js';
import type { Plugin } from '../../src/kubernetes/lua/runner.js';
import { LuaRunner } from '../../src/kubernetes/lua/runner.js';

const SEED_PLUGIN = readFileSync(
  fileURLToPath(new URL('../../examples/kubernetes/watch/opengauss-plugin.lua', import.meta.url)),
  'utf8',
);

/** The seed's template plugin (section 2.2), verbatim apart from comments. */
const SEED_TEMPLATE = `package.path = package.path..";/bin/?.lua"
local dkjson = require("dkjson")
function GetWorkloadTypeAndName(metaJsonStr)
local metaData = dkjson.decode(metaJsonStr,1,nil)
local workloadType = ""
local workloadName = ""
if condition then
return "", ""
end
return workloadType, workloadName
end`;

/** The seed's example metadata (section 2.4) with the OpenGaussCluster owner. */
const SEED_META = {
  annotations: {},
  creationTimestamp: '2024-08-07T02:08:14Z',
  labels: {},
  name: 'ogtest-0',
  namespace: 'db',
  ownerReferences: [
    {
      apiVersion: 'opengauss.sig/v1',
      blockOwnerDeletion: true,
      controller: true,
      kind: 'OpenGaussCluster',
      name: 'ogtest',
      uid: 'u1',
    },
  ],
  resourceVersion: '',
  uid: 'u2',
};

let runner: LuaRunner | undefined;
afterEach(async () => {
  await runner?.close();
  runner = undefined;
});

async function start(plugins: Plugin[], timeoutMs = 1000): Promise<LuaRunner> {
  runner = await LuaRunner.start(plugins, { timeoutMs });
  return runner;
}

const fn = (body: string): string => `function GetWorkloadTypeAndName(metaJsonStr)\n${body}\nend`;

describe('kubernetes/lua', () => {
  it("runs the seed's OpenGaussCluster plugin unchanged: StatefulSet ogtest", async () => {
    const r = await start([{ name: 'og.lua', source: SEED_PLUGIN }]);
    expect(await r.call('og.lua', JSON.stringify(SEED_META))).toEqual({
      kind: 'ok',
      type: 'StatefulSet',
      name: 'ogtest',
    });
    const other = { ...SEED_META, ownerReferences: [{ kind: 'ReplicaSet', name: 'web-1' }] };
    expect(await r.call('og.lua', JSON.stringify(other))).toEqual({
      kind: 'ok',
      type: '',
      name: '',
    });
    const none = { name: 'p', namespace: 'n' };
    expect(await r.call('og.lua', JSON.stringify(none))).toEqual({
      kind: 'ok',
      type: '',
      name: '',
    });
  });

  it("runs the seed's template plugin unchanged (no match)", async () => {
    const r = await start([{ name: 't.lua', source: SEED_TEMPLATE }]);
    expect(await r.call('t.lua', JSON.stringify(SEED_META))).toEqual({
      kind: 'ok',
      type: '',
      name: '',
    });
  });

  it('dkjson: decode (positions, null, unicode, numbers, errors) and encode round trip', async () => {
    const r = await start([
      {
        name: 'j.lua',
        source: fn(`
          local dk = require("dkjson")
          local t, pos = dk.decode(metaJsonStr, 1, nil)
          local parts = {}
          parts[#parts + 1] = tostring(pos)
          parts[#parts + 1] = t.s
          parts[#parts + 1] = tostring(t.n + 1) .. "," .. math.type(t.i)
          parts[#parts + 1] = tostring(t.z == nil) .. "," .. tostring(t.b)
          parts[#parts + 1] = tostring(#t.a) .. getmetatable(t.a).__jsontype
          local bad, p, err = dk.decode("{\\"a\\":}", 1, nil)
          parts[#parts + 1] = tostring(bad) .. ":" .. tostring(p) .. ":" .. tostring(err ~= nil)
          local marker = dk.decode("[null]", 1, dk.null)
          parts[#parts + 1] = tostring(marker[1] == dk.null)
          return table.concat(parts, "|"), dk.encode({ list = { 1, 2.5, "x\\n" }, empty = {}, obj = { k = true }, e = t.e })
        `),
      },
    ]);
    const res = await r.call(
      'j.lua',
      JSON.stringify({
        s: 'é \u2603 😀 "q"',
        n: 1.5,
        i: 7,
        z: null,
        b: false,
        a: [1, [2], {}],
        e: {},
      }),
    );
    expect(res.kind).toBe('ok');
    if (res.kind !== 'ok') return;
    const [pos, s, num, nul, arr, bad, marker] = res.type.split('|');
    expect(Number(pos)).toBeGreaterThan(50);
    expect(s).toBe('é \u2603 😀 "q"');
    expect(num).toBe('2.5,integer');
    expect(nul).toBe('true,false');
    expect(arr).toBe('3array');
    expect(bad).toBe('nil:6:true');
    expect(marker).toBe('true');
    expect(JSON.parse(res.name)).toEqual({
      list: [1, 2.5, 'x\n'],
      empty: [],
      obj: { k: true },
      e: {},
    });
  });

  it('sandbox: no io, os.execute or other modules; host files are out of reach', async () => {
    const r = await start([
      {
        name: 's.lua',
        source: fn(`
          local ok = pcall(require, "os")
          return tostring(io) .. "," .. tostring(os.execute) .. "," .. tostring(ok) .. "," .. tostring(loadfile),
            tostring(load("return 1")())
        `),
      },
    ]);
    expect(await r.call('s.lua', '{}')).toEqual({
      kind: 'ok',
      type: 'nil,nil,false,nil',
      name: '1',
    });
  });

  it('stops a plugin that loops forever (and keeps serving the others)', async () => {
    const r = await start(
      [
        { name: 'loop.lua', source: fn('while true do end') },
        { name: 'ok.lua', source: fn('return "Deployment", "web"') },
        { name: 'load-loop.lua', source: 'while true do end' },
      ],
      // Long enough for loading the plugins on a loaded CI machine (the limit covers loading too).
      600,
    );
    expect(r.loadError('load-loop.lua')).toMatch(/time limit of 600 ms exceeded/);
    expect(await r.call('loop.lua', '{}')).toEqual({
      kind: 'error',
      message: 'time limit of 600 ms exceeded',
    });
    expect(await r.call('ok.lua', '{}')).toEqual({ kind: 'ok', type: 'Deployment', name: 'web' });
  });

  it('reports errors, syntax errors and non-string results', async () => {
    const r = await start([
      { name: 'err.lua', source: fn('error("boom")') },
      { name: 'syntax.lua', source: 'function (' },
      { name: 'num.lua', source: fn('return 1, 2') },
      { name: 'none.lua', source: 'x = 1' },
    ]);
    expect(await r.call('err.lua', '{}')).toMatchObject({
      kind: 'error',
      message: expect.stringContaining('boom'),
    });
    expect(await r.call('syntax.lua', '{}')).toMatchObject({
      kind: 'error',
      message: expect.stringMatching(/^load failed/),
    });
    expect(await r.call('num.lua', '{}')).toEqual({
      kind: 'error',
      message: 'GetWorkloadTypeAndName must return two strings, got number and number',
    });
    expect(await r.call('none.lua', '{}')).toEqual({
      kind: 'error',
      message: 'the plugin does not define GetWorkloadTypeAndName',
    });
  });

  it("applies DeepFlow's rules: empty = next plugin, unaccepted type skipped, error stops, virtual-kubelet first", async () => {
    const r = await start([
      { name: 'empty.lua', source: fn('return "", ""') },
      { name: 'odd.lua', source: fn('return "OpenGaussCluster", "ogtest"') },
      { name: 'og.lua', source: SEED_PLUGIN },
      { name: 'err.lua', source: fn('error("boom")') },
    ]);
    const all = ['empty.lua', 'odd.lua', 'og.lua', 'err.lua'];
    const d = await decideWorkload(SEED_META, all, r);
    expect(d).toMatchObject({
      workload_type: 'StatefulSet',
      workload_name: 'ogtest',
      label: 'statefulset:db:ogtest',
      decided_by: 'og.lua',
      skipped: [{ plugin: 'odd.lua', reason: expect.stringContaining('not one DeepFlow accepts') }],
    });
    const other = { ...SEED_META, ownerReferences: [{ kind: 'ReplicaSet', name: 'web-1' }] };
    expect(await decideWorkload(other, all, r)).toMatchObject({ error: { plugin: 'err.lua' } });
    const vk = {
      name: 'p',
      namespace: 'n',
      labels: {
        'virtual-kubelet.io/provider-cluster-type': 'serverless',
        'virtual-kubelet.io/provider-resource-name': 'shop-api-7f9c',
      },
    };
    expect(await decideWorkload(vk, all, r)).toMatchObject({
      workload_type: 'Deployment',
      workload_name: 'shop-api',
      decided_by: 'virtual-kubelet',
    });
    const inPlace = { ...SEED_META, ownerReferences: [{ kind: 'InPlaceSet', name: 'ips' }] };
    expect(await decideWorkload(inPlace, all, r)).not.toHaveProperty('decided_by');
  });
});
