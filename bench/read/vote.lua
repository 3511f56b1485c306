-- wrk script for bench/read-benchmark.sh: every request posts one vote (survey limits are off in the benchmark).
wrk.method = "POST"
wrk.body = '{"rating":"SATISFIED"}'
wrk.headers["Content-Type"] = "application/json"
