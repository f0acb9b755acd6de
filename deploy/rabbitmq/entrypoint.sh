#!/bin/bash
# Fills the passwords from the environment (.env) into definitions.json, which the broker loads at boot
# (rabbitmq.conf: load_definitions), then starts the broker as the image would.
set -euo pipefail

# With RABBITMQ_PARTNER_ORDERS=true, partners may also publish whole orders and cancellations.
partner_write='^(upsert-product|stock-replenished|shipment-dispatched)$'
partner_write_with_orders='^(upsert-product|stock-replenished|shipment-dispatched|submit-order|cancel-order)$'

for name in RABBITMQ_ADMIN_PASSWORD RABBITMQ_INGRESS_PASSWORD RABBITMQ_WORKERS_PASSWORD RABBITMQ_PARTNER_PASSWORD; do
  value="${!name:-}"
  # The value goes into JSON and a sed expression: letters, digits and - _ . ~ only, at least 16 of them.
  if [[ ! "$value" =~ ^[A-Za-z0-9._~-]{16,}$ ]]; then
    echo "Set $name in .env: at least 16 characters of letters, digits, - _ . ~" >&2
    exit 1
  fi
done

target=/tmp/rabbitmq-definitions.json
sed -e "s/\${RABBITMQ_ADMIN_PASSWORD}/$RABBITMQ_ADMIN_PASSWORD/" \
    -e "s/\${RABBITMQ_INGRESS_PASSWORD}/$RABBITMQ_INGRESS_PASSWORD/" \
    -e "s/\${RABBITMQ_WORKERS_PASSWORD}/$RABBITMQ_WORKERS_PASSWORD/" \
    -e "s/\${RABBITMQ_PARTNER_PASSWORD}/$RABBITMQ_PARTNER_PASSWORD/" \
    /etc/rabbitmq/backend/definitions.json > "$target"
if [ "${RABBITMQ_PARTNER_ORDERS:-false}" = true ]; then
  # A literal replacement (awk's index, not a regular expression), since the value is one.
  awk -v from="\"write\": \"$partner_write\"" -v to="\"write\": \"$partner_write_with_orders\"" \
    '{ i = index($0, from); if (i) $0 = substr($0, 1, i - 1) to substr($0, i + length(from)); print }' \
    < "$target" > "$target.tmp"
  mv "$target.tmp" "$target"
fi
chmod 600 "$target"
chown rabbitmq:rabbitmq "$target" 2>/dev/null || true

exec docker-entrypoint.sh rabbitmq-server
