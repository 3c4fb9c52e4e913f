FROM python:3.13-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 UV_PROJECT_ENVIRONMENT=/opt/venv \
    PATH="/opt/venv/bin:$PATH"
WORKDIR /app
# Printed cards, flyers and posters: Pango and HarfBuzz for WeasyPrint, Noto for every script.
RUN apt-get update && apt-get install -y --no-install-recommends \
        libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-noto-core fonts-noto-cjk \
    && rm -rf /var/lib/apt/lists/*
RUN pip install --no-cache-dir uv
COPY pyproject.toml uv.lock .python-version ./
RUN uv sync --frozen --no-dev --no-install-project
COPY . .
# collectstatic needs a key to import settings; it is not the runtime key.
RUN SECRET_KEY=build-only-collectstatic python manage.py collectstatic --noinput
RUN useradd --system --uid 1000 opendoors && mkdir -p /app/var && chown opendoors /app/var
USER opendoors
EXPOSE 8000
CMD ["gunicorn", "-c", "gunicorn.conf.py", "events_api.wsgi"]
