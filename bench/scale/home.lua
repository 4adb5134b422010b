-- SPDX-License-Identifier: ISC
-- wrk script: each request is the homepage of one of the SCALE_MANAGERS
-- managers tests/scale/lib.sh seeds, chosen at random (their session
-- cookies: the manager id as 64 lowercase hex digits).
math.randomseed(os.time())
local managers = tonumber(os.getenv("SCALE_MANAGERS") or "1")
request = function()
	local token = string.format("%064x", math.random(1, managers))
	return wrk.format("GET", "/home", { ["Cookie"] = "fc_home=" .. token })
end
