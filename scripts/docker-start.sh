#!/bin/sh
# Container start: migrations apply (a new volume gets the empty hub; its first Secretariat
# account comes from OVPM_ADMIN / OVPM_ADMIN_PASSWORD, or later from `create-user`), then the app.
set -e
if [ -n "$OVPM_ADMIN" ]; then
    python -m ovpm init --admin "$OVPM_ADMIN" --admin-name "${OVPM_ADMIN_NAME:-$OVPM_ADMIN}" \
        --admin-email "${OVPM_ADMIN_EMAIL:-}" || true
else
    python -m ovpm init </dev/null || true
fi
exec python -m streamlit run app.py --server.port 8501 --server.address 0.0.0.0 \
    --server.headless true
