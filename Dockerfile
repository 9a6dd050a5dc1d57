# syntax=docker/dockerfile:1
# Multi-stage image for agendabot. The install step is scripts/install, the same one CI runs.

FROM python:3.11-slim AS build
WORKDIR /src
COPY pyproject.toml README.md ./
COPY scripts ./scripts
COPY src ./src
RUN scripts/install /opt/venv ""

FROM python:3.11-slim AS runtime
ENV PATH="/opt/venv/bin:$PATH" \
    PYTHONUNBUFFERED=1 \
    CONTENT_DIR=/app/content \
    CONFIG_DIR=/app/config \
    DATABASE_URL=sqlite:////app/data/agendabot.sqlite3 \
    PORT=3000
# pg_dump, pg_restore and psql for `agendabot backup` / `restore` on PostgreSQL (Debian 12: 15,
# the version of compose.yaml's server; pg_dump must be at least the server's version).
RUN apt-get update \
    && apt-get install -y --no-install-recommends postgresql-client \
    && rm -rf /var/lib/apt/lists/*
RUN useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin agendabot \
    && mkdir -p /app/data && chown agendabot /app/data
COPY --from=build /opt/venv /opt/venv
COPY content /app/content
COPY config /app/config
WORKDIR /app
USER agendabot
VOLUME ["/app/data"]
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=3s --start-period=20s --retries=3 \
  CMD python -c "import os,urllib.request; urllib.request.urlopen('http://127.0.0.1:%s/healthz' % os.environ.get('PORT','3000'), timeout=2)" || exit 1
CMD ["agendabot", "serve"]
