#!/bin/sh
# A sample function for the local emulator: what a typical handler prints in one invocation.
# Plain lines, JSON log lines, a line with personal data, an error with a multi-line stack trace.
echo "START handling order for customer jane.doe@example.com"
echo '{"level":"INFO","message":"order accepted","orderId":"o-1042","amountCents":1999}'
echo "processing 3 items"
echo '{"level":"WARN","message":"slow downstream call","ms":812}'
echo '{"level":"ERROR","message":"payment provider timed out","provider":"acme-pay"}'
echo "java.net.SocketTimeoutException: Read timed out" >&2
echo "	at java.base/java.net.SocketInputStream.read(SocketInputStream.java:183)" >&2
echo "	at com.example.pay.Client.charge(Client.java:88)" >&2
echo "order o-1042 done"
