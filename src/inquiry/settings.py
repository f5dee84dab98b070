"""Django settings, read from the environment. A bad value stops start-up with a clear message."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import dj_database_url

from inquiry.datadir import data_dir, ensure_secret_file, read_secret
from inquiry.errors import ConfigurationError


def _env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    if raw.lower() in {"1", "true", "yes", "on"}:
        return True
    if raw.lower() in {"0", "false", "no", "off"}:
        return False
    raise ConfigurationError(detail=f"{name} must be true or false, not {raw!r}")


def _env_int(name: str, default: int, *, minimum: int = 1) -> int:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ConfigurationError(detail=f"{name} must be a whole number, not {raw!r}") from None
    if value < minimum:
        raise ConfigurationError(detail=f"{name} must be at least {minimum}, not {value}")
    return value


BASE_DIR = Path(__file__).resolve().parent
DATA_DIR = data_dir()
EVIDENCE_DIR = DATA_DIR / "evidence"
VAULT_KEY_FILE = DATA_DIR / "vault.key"

SECRET_KEY = read_secret("INQUIRY_SECRET_KEY") or ensure_secret_file(DATA_DIR / "secret.key", nbytes=48)
DEBUG = _env_bool("INQUIRY_DEBUG", False)
ALLOWED_HOSTS = [h.strip() for h in os.environ.get("INQUIRY_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver").split(",") if h.strip()]
CSRF_TRUSTED_ORIGINS = [o.strip() for o in os.environ.get("INQUIRY_CSRF_TRUSTED_ORIGINS", "").split(",") if o.strip()]
INQUIRY_PROFILE = os.environ.get("INQUIRY_PROFILE", "dprk")
MAX_UPLOAD_BYTES = _env_int("INQUIRY_MAX_UPLOAD_MB", 200) * 1024 * 1024

_db_url = read_secret("DATABASE_URL") or f"sqlite:///{DATA_DIR / 'inquiry.sqlite3'}"
try:
    DATABASES = {"default": dj_database_url.parse(_db_url, conn_max_age=60)}
except Exception as exc:  # dj_database_url raises several unrelated types
    raise ConfigurationError(detail=f"DATABASE_URL is not a database URL: {exc}") from None
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        # WAL lets readers work while one writer writes; IMMEDIATE avoids upgrade deadlocks.
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "inquiry.accounts",
    "inquiry.audit",
    "inquiry.places",
    "inquiry.people",
    "inquiry.vault",
    "inquiry.cases",
    "inquiry.evidence",
    "inquiry.findings",
    "inquiry.publicsite",
    "inquiry.web",
    "inquiry.api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "inquiry.web.middleware.DomainErrorMiddleware",
    "inquiry.web.middleware.ContentSecurityPolicyMiddleware",
]

INQUIRY_CONTENT_SECURITY_POLICY = "; ".join([
    "default-src 'self'", "script-src 'self'", "style-src 'self' 'unsafe-inline'", "img-src 'self' data:",
    "connect-src 'self'", "font-src 'self'", "object-src 'none'", "base-uri 'none'", "form-action 'self'",
    "frame-ancestors 'none'",
])

ROOT_URLCONF = "inquiry.urls"
WSGI_APPLICATION = "inquiry.wsgi.application"
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "inquiry.web.context.role_context",
            ],
        },
    }
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
PASSWORD_HASHERS = (
    ["django.contrib.auth.hashers.MD5PasswordHasher"]
    if os.environ.get("INQUIRY_FAST_TEST_HASHER") == "1" or "pytest" in sys.modules
    else ["django.contrib.auth.hashers.PBKDF2PasswordHasher"]
)

LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("ko", "한국어"), ("ja", "日本語")]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "UTC"
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STATIC_ROOT.mkdir(exist_ok=True)
# Serve the package's own static files without a collectstatic step (deployments may be offline).
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Strict"
SESSION_COOKIE_AGE = _env_int("INQUIRY_SESSION_SECONDS", 8 * 3600)
SESSION_COOKIE_SECURE = _env_bool("INQUIRY_SECURE_COOKIES", False)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
X_FRAME_OPTIONS = "DENY"
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024

# Logs carry record ids and pseudonymous codes, never identities (see inquiry.vault).
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("INQUIRY_LOG_LEVEL", "WARNING")},
    "loggers": {"django.db.backends": {"level": "WARNING"}},
}
