# The Roadmap Hub in one container: the app on port 8501, the database, its attachments and the
# backups on the volume /data. See docs/DEPLOY.md.
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    OVPM_DB=/data/ovpm.duckdb \
    OVPM_SECRETS=/data/secrets.toml \
    OVPM_TODAY=

WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY app.py ./
COPY .streamlit/config.toml .streamlit/config.toml
COPY ovpm ovpm
COPY pages pages
COPY static static
COPY scripts/docker-start.sh /usr/local/bin/ovpm-start

RUN useradd --system --home /app ovpm && mkdir -p /data && chown ovpm /data /app/.streamlit
USER ovpm
VOLUME /data
EXPOSE 8501
HEALTHCHECK --interval=30s --timeout=5s CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8501/_stcore/health')"
CMD ["ovpm-start"]
