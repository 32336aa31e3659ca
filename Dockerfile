# Verdex web and worker image: gunicorn serves the site, `manage.py db_worker` runs jobs.
# Build: docker build -t verdex .      Run: see docker-compose.yml and docs/deploy.md.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DEBUG=0 \
    STATIC_ROOT=/app/staticfiles \
    MEDIA_ROOT=/data/media

RUN useradd --create-home --uid 10001 verdex

WORKDIR /app
# Dependencies first, so code changes do not reinstall them.
COPY requirements.txt .
RUN pip install -r requirements.txt

COPY . .
# Static files are part of the image; WhiteNoise serves them with hashed names.
# collectstatic touches no database and needs a secret key only to load settings.
RUN SECRET_KEY=collectstatic-only-not-a-real-secret python manage.py collectstatic --noinput \
    && mkdir -p /data/media && chown verdex:verdex /data/media

USER verdex
EXPOSE 8000
# gunicorn.conf.py (in /app) sets the app, bind address and workers from the environment.
CMD ["gunicorn"]
