-- wrk script for bench/read-benchmark.sh: every request GETs a path drawn at random from a list file (first
-- tab-separated column of each line), the same list the pgbench script draws its parameters from.
--
--   wrk ... -s bench/read/paths.lua http://127.0.0.1:8098 -- <list file> <bust|repeat> <nonce>
--
-- With "bust" each request also carries a query parameter "_" that no other request has (nonce, thread and
-- counter), so that the app's in-process read cache, whose key includes the raw query string, never answers
-- it: the API takes the same path as on a cache miss (database, JSON, ETag, storing the entry). The API
-- ignores query parameters it does not know.

local threads = 0

function setup(thread)
    threads = threads + 1
    thread:set("thread_number", threads)
end

local paths = {}
local bust = false
local nonce = "0"
local counter = 0

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
