/**
 * The source of the worker thread that runs Lua plugins (CommonJS, evaluated with `eval: true` so that the
 * same code runs from src/ under vitest and from dist/). The main thread terminates the worker when a call
 * overruns its time limit: a plugin that loops forever cannot catch that, unlike a Lua error from a hook.
 */

/** Lua run in every plugin state before the plugin: our dkjson as the only module, no host access. */
export const SANDBOX_PRELUDE = String.raw`
local dk = load(__deepflow_cloud_dkjson, "=dkjson", "t")()
__deepflow_cloud_dkjson = nil
local encode, pcall, type, tostring, pack = dk.encode, pcall, type, tostring, table.pack
package.loaded.dkjson = dk
package.preload.dkjson = function() return dk end
package.searchers = {}
package.cpath = ""
package.loadlib = nil
require = function(name)
  if name == "dkjson" then return dk end
  error("module '" .. tostring(name) .. "' is not available in the plugin sandbox (only dkjson is)", 2)
end
io = nil
debug = nil
dofile = nil
loadfile = nil
os = { time = os.time, clock = os.clock, date = os.date, difftime = os.difftime }
local rawload = load
load = function(chunk, name, mode, env) return rawload(chunk, name, "t", env) end
function __deepflow_cloud_call(meta)
  local fn = _G.GetWorkloadTypeAndName
  if type(fn) ~= "function" then
    return encode({ err = "the plugin does not define GetWorkloadTypeAndName" })
  end
  local r = pack(pcall(fn, meta))
  if not r[1] then return encode({ err = tostring(r[2]) }) end
  local t, n = r[2], r[3]
  if type(t) ~= "string" or type(n) ~= "string" then
    return encode({ err = "GetWorkloadTypeAndName must return two strings, got " .. type(t) .. " and " .. type(n) })
  end
  return encode({ t = t, n = n })
end
`;

export const WORKER_SOURCE = String.raw`
const { parentPort, workerData } = require('node:worker_threads');
const { LuaFactory } = require(workerData.wasmoon);
const engines = new Map();
async function load(msg) {
  const factory = new LuaFactory();
  const lua = await factory.createEngine({ injectObjects: false, enableProxy: false });
  lua.global.set('__deepflow_cloud_dkjson', workerData.dkjson);
  await lua.doString(workerData.prelude);
  const call = lua.global.get('__deepflow_cloud_call');
  try {
    await lua.doString(msg.source);
  } catch (e) {
    return { error: String(e && e.message ? e.message : e) };
  }
  engines.set(msg.plugin, call);
  return {};
}
parentPort.on('message', async (msg) => {
  let reply;
  try {
    if (msg.op === 'load') reply = await load(msg);
    else {
      const call = engines.get(msg.plugin);
      if (!call) reply = { error: 'plugin not loaded' };
      else reply = { result: call(msg.meta) };
    }
  } catch (e) {
    reply = { error: String(e && e.message ? e.message : e) };
  }
  parentPort.postMessage({ id: msg.id, ...reply });
});
`;
