-- Rate counters keep a hash of the e-mail or network address they count,
-- not the address itself (personal data a counter only has to match again;
-- app/models/login-throttle.server.ts, server/rate-limit.ts). Rows kept
-- before are hashed the same way (SHA-256 of the UTF-8 text after the first
-- colon, lower-case hex), so locks in force stay in force. Session keys
-- (s:…) were hashes already and are left as they are.
UPDATE "login_throttle"
SET "key" = split_part("key", ':', 1) || ':' || encode(sha256(convert_to(substr("key", strpos("key", ':') + 1), 'UTF8')), 'hex')
WHERE "key" ~ '^(account|ip|verify):' AND "key" !~ '^[a-z]+:[0-9a-f]{64}$';

UPDATE "write_rate"
SET "key" = 'a:' || encode(sha256(convert_to(substr("key", 3), 'UTF8')), 'hex')
WHERE "key" LIKE 'a:%' AND "key" !~ '^a:[0-9a-f]{64}$';
