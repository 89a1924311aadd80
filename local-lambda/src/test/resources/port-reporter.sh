#!/bin/bash
# An extension file that never registers: it writes the API address where the test can read it,
# so the test itself can play the extension through the API during Init.
echo "$AWS_LAMBDA_RUNTIME_API" > "$PORT_FILE.tmp" && mv "$PORT_FILE.tmp" "$PORT_FILE"
exec sleep 60
