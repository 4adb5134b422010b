-- SPDX-License-Identifier: ISC
-- wrk script: each request is the homepage of one of the 1,000 seeded
-- managers, chosen at random (their session cookies: the manager id as 64
-- lowercase hex digits).
math.randomseed(os.time())
request = function()
	local token = string.format("%064x", math.random(1, 1000))
	return wrk.format("GET", "/home", { ["Cookie"] = "fc_home=" .. token })
end
