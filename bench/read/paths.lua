-- wrk script for bench/read-benchmark.sh: every request GETs a path drawn at random from a list file (first
-- tab-separated column of each line), the same list the pgbench script draws its parameters from.
--
--   wrk ... -s bench/read/paths.lua http://127.0.0.1:8098 -- <list file> [plain] [nonce]
--
-- With PACE_MS set, each connection waits after an answer before its next request, to offer a load below
-- saturation: a random pause of PACE_MS milliseconds on average (exponentially distributed, so that the
-- connections do not fall into step and arrive in bursts). A closed loop: a slow answer also delays the next
-- request.
--
-- Uncached runs switch the app's read cache off by configuration (TWINNING_READ_CACHE_ENABLED=false): the API
-- refuses query parameters it does not know, so a cache-busting parameter is no longer possible. "bust" is
-- kept for an older build of the app only.

local threads = 0

function setup(thread)
    threads = threads + 1
    thread:set("thread_number", threads)
end

local paths = {}
local bust = false
local nonce = "0"
local counter = 0
local pause = tonumber(os.getenv("PACE_MS") or "")

if pause then
    function delay()
        return -math.log(1 - math.random()) * pause
    end
end

function init(args)
    for line in io.lines(args[1]) do
        local path = line:match("^([^\t]+)")
        if path then
            paths[#paths + 1] = path
        end
    end
    assert(#paths > 0, "no paths in " .. tostring(args[1]))
    bust = args[2] == "bust"
    nonce = args[3] or "0"
    math.randomseed(os.time() + 7919 * (thread_number or 0) + #nonce)
end

function request()
    local path = paths[math.random(#paths)]
    if bust then
        counter = counter + 1
        local separator = path:find("?", 1, true) and "&" or "?"
        path = path .. separator .. "_=" .. nonce .. "-" .. (thread_number or 0) .. "-" .. counter
    end
    return wrk.format("GET", path)
end
