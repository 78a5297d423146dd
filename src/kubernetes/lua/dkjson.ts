/**
 * deepflow-cloud's own JSON module for Lua 5.4 with the dkjson 2.x interface (`decode`, `encode`, `null`), mounted
 * as `dkjson` so that DeepFlow workload plugins run unchanged. Embedded as text so the build needs no data file.
 */
export const DKJSON_LUA = String.raw`-- deepflow-cloud's own JSON module with the dkjson 2.x interface (decode, encode, null, version), so that
-- DeepFlow workload plugins that require("dkjson") run unchanged. Written for Lua 5.4.
local json = { version = "dkjson-compatible 2.6 (deepflow-cloud)" }

local strsub, strfind, strformat, strbyte = string.sub, string.find, string.format, string.byte
local concat, sort = table.concat, table.sort
local type, pairs, tostring, tonumber, select = type, pairs, tostring, tonumber, select
local setmetatable, getmetatable, error, pcall = setmetatable, getmetatable, error, pcall
local floor, huge, mathtype = math.floor, math.huge, math.type

local null = setmetatable({}, { __tojson = function() return "null" end })
json.null = null

-- Decoding ------------------------------------------------------------------------------------------------

local ESCAPES = { ['"'] = '"', ['\\'] = '\\', ['/'] = '/', b = '\b', f = '\f', n = '\n', r = '\r', t = '\t' }

local function fail(pos, msg) error({ pos = pos, msg = msg }, 0) end

local function skipws(str, pos)
  local _, e = strfind(str, "^[ \n\r\t]*", pos)
  return e + 1
end

local function parsestring(str, pos)
  local buf, n, i = {}, 0, pos + 1
  while true do
    local s = strfind(str, '["\\]', i)
    if not s then fail(pos, "unterminated string") end
    if s > i then n = n + 1; buf[n] = strsub(str, i, s - 1) end
    if strsub(str, s, s) == '"' then return concat(buf), s + 1 end
    local c = strsub(str, s + 1, s + 1)
    if c == "u" then
      local hex = strsub(str, s + 2, s + 5)
      if not strfind(hex, "^%x%x%x%x$") then fail(s, "invalid unicode escape") end
      local cp = tonumber(hex, 16)
      i = s + 6
      if cp >= 0xD800 and cp <= 0xDBFF and strsub(str, i, i + 1) == "\\u" then
        local lo = tonumber(strsub(str, i + 2, i + 5), 16)
        if lo and lo >= 0xDC00 and lo <= 0xDFFF then
          cp = 0x10000 + (cp - 0xD800) * 0x400 + (lo - 0xDC00)
          i = i + 6
        end
      end
      n = n + 1; buf[n] = utf8.char(cp)
    else
      local r = ESCAPES[c]
      if not r then fail(s, "invalid escape sequence") end
      n = n + 1; buf[n] = r
      i = s + 2
    end
  end
end

local parsevalue

local function parsevalue_(str, pos, nullval, objectmeta, arraymeta, depth)
  if depth > 1000 then fail(pos, "too many nested data structures") end
  pos = skipws(str, pos)
  local c = strsub(str, pos, pos)
  if c == "{" then
    local obj = setmetatable({}, objectmeta or nil)
    pos = skipws(str, pos + 1)
    if strsub(str, pos, pos) == "}" then return obj, pos + 1 end
    while true do
      pos = skipws(str, pos)
      if strsub(str, pos, pos) ~= '"' then fail(pos, "expected a string key") end
      local key
      key, pos = parsestring(str, pos)
      pos = skipws(str, pos)
      if strsub(str, pos, pos) ~= ":" then fail(pos, "expected ':'") end
      local val
      val, pos = parsevalue(str, pos + 1, nullval, objectmeta, arraymeta, depth + 1)
      obj[key] = val
      pos = skipws(str, pos)
      local d = strsub(str, pos, pos)
      if d == "}" then return obj, pos + 1 end
      if d ~= "," then fail(pos, "expected ',' or '}'") end
      pos = pos + 1
    end
  elseif c == "[" then
    local arr, n = setmetatable({}, arraymeta or nil), 0
    pos = skipws(str, pos + 1)
    if strsub(str, pos, pos) == "]" then return arr, pos + 1 end
    while true do
      local val
      val, pos = parsevalue(str, pos, nullval, objectmeta, arraymeta, depth + 1)
      n = n + 1
      arr[n] = val
      pos = skipws(str, pos)
      local d = strsub(str, pos, pos)
      if d == "]" then return arr, pos + 1 end
      if d ~= "," then fail(pos, "expected ',' or ']'") end
      pos = pos + 1
    end
  elseif c == '"' then
    return parsestring(str, pos)
  elseif strsub(str, pos, pos + 3) == "true" then
    return true, pos + 4
  elseif strsub(str, pos, pos + 4) == "false" then
    return false, pos + 5
  elseif strsub(str, pos, pos + 3) == "null" then
    return nullval, pos + 4
  else
    local s, e = strfind(str, "^-?%d+%.?%d*[eE]?[-+]?%d*", pos)
    if s then
      local num = tonumber(strsub(str, s, e))
      if num ~= nil then return num, e + 1 end
    end
    if c == "" then fail(pos, "unexpected end of input") end
    fail(pos, "unexpected character '" .. c .. "'")
  end
end
parsevalue = parsevalue_

local OBJECT_META = { __jsontype = "object" }
local ARRAY_META = { __jsontype = "array" }

--- decode(string [, position [, null [, objectmeta [, arraymeta]]]]) -> value, next position
--- On error: nil, position, message (as dkjson).
function json.decode(str, pos, nullval, ...)
  local objectmeta, arraymeta = OBJECT_META, ARRAY_META
  if select("#", ...) > 0 then
    objectmeta, arraymeta = ...
    if objectmeta == nil then objectmeta = OBJECT_META end
    if arraymeta == nil then arraymeta = ARRAY_META end
  end
  if type(str) ~= "string" then return nil, pos or 1, "expected a string to decode" end
  local ok, val, nextpos = pcall(parsevalue, str, pos or 1, nullval, objectmeta or nil, arraymeta or nil, 0)
  if ok then return val, nextpos end
  if type(val) == "table" then return nil, val.pos, val.msg .. " at position " .. val.pos end
  error(val, 0)
end

-- Encoding ------------------------------------------------------------------------------------------------

local function quotestring(s)
  s = s:gsub('[%c"\\\127]', function(ch)
    local rep = ({ ['"'] = '\\"', ['\\'] = '\\\\', ['\b'] = '\\b', ['\f'] = '\\f',
      ['\n'] = '\\n', ['\r'] = '\\r', ['\t'] = '\\t' })[ch]
    return rep or strformat("\\u%04x", strbyte(ch))
  end)
  return '"' .. s .. '"'
end

local function isarray(tbl)
  local max, n, arraylen = 0, 0, 0
  for k, v in pairs(tbl) do
    if k == "n" and type(v) == "number" then
      arraylen = v
      if v > max then max = v end
    else
      if type(k) ~= "number" or k < 1 or floor(k) ~= k then return false end
      if k > max then max = k end
      n = n + 1
    end
  end
  if max > 10 and max > arraylen and max > n * 2 then return false end
  return true, max
end

local function encodevalue(value, state, level, seen)
  local t = type(value)
  local meta = getmetatable(value)
  if meta and meta.__tojson then return meta.__tojson(value, state) end
  if value == nil or value == null then return "null" end
  if t == "boolean" then return tostring(value) end
  if t == "number" then
    if value ~= value or value >= huge or -value >= huge then return "null" end
    if mathtype(value) == "integer" then return tostring(value) end
    return (strformat("%.17g", value):gsub(",", "."))
  end
  if t == "string" then return quotestring(value) end
  if t ~= "table" then
    if state.exception then return state.exception("unsupported type", value, state, "type '" .. t .. "' is not supported by JSON") end
    error("type '" .. t .. "' is not supported by JSON", 0)
  end
  if seen[value] then error("reference cycle", 0) end
  seen[value] = true
  local indent = state.indent
  local nl = indent and ("\n" .. string.rep("  ", level + 1)) or ""
  local close = indent and ("\n" .. string.rep("  ", level)) or ""
  local parts = {}
  local jsontype = meta and meta.__jsontype
  local arr, max
  if jsontype == "array" then arr, max = true, #value
  elseif jsontype == "object" then arr = false
  else arr, max = isarray(value) end
  local out
  if arr then
    for i = 1, max do parts[i] = nl .. encodevalue(value[i], state, level + 1, seen) end
    out = "[" .. concat(parts, ",") .. (max > 0 and close or "") .. "]"
  else
    local keys = {}
    for k in pairs(value) do
      local kt = type(k)
      if kt == "string" or kt == "number" then keys[#keys + 1] = k end
    end
    if state.keyorder then
      local order, rest = {}, {}
      for _, k in ipairs(state.keyorder) do if value[k] ~= nil then order[#order + 1] = k; rest[k] = true end end
      local others = {}
      for _, k in ipairs(keys) do if not rest[k] then others[#others + 1] = k end end
      sort(others, function(a, b) return tostring(a) < tostring(b) end)
      for _, k in ipairs(others) do order[#order + 1] = k end
      keys = order
    else
      sort(keys, function(a, b) return tostring(a) < tostring(b) end)
    end
    for i, k in ipairs(keys) do
      parts[i] = nl .. quotestring(tostring(k)) .. (indent and ": " or ":") .. encodevalue(value[k], state, level + 1, seen)
    end
    out = "{" .. concat(parts, ",") .. (#keys > 0 and close or "") .. "}"
  end
  seen[value] = nil
  return out
end

--- encode(value [, state]) -> JSON text; state.indent, state.keyorder and state.exception as in dkjson.
function json.encode(value, state)
  state = state or {}
  local ok, res = pcall(encodevalue, value, state, state.level or 0, {})
  if ok then return res end
  if state.exception == nil then error(res, 0) end
  return nil, res
end

function json.quotestring(s) return quotestring(s) end
function json.use_lpeg() return json end

return json
`;
