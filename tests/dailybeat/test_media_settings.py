from tests.dailybeat.test_settings import _load_settings


def test_media_go_to_s3_by_settings_alone():
    result = _load_settings(
        DEBUG="true",
        S3_BUCKET="dailybeat-media",
        S3_CUSTOM_DOMAIN="media.dailybeat.example",
    )
    assert result.returncode == 0, result.stderr


def test_s3_storage_settings_are_what_django_storages_expects():
    import subprocess
    import sys

    from tests.dailybeat.test_settings import BASE_DIR

    code = (
        "import dailybeat.settings as s; d = s.STORAGES['default'];"
        "print(d['BACKEND']); print(d['OPTIONS']['bucket_name']);"
        "print(d['OPTIONS']['querystring_auth'])"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        env={"PATH": "/usr/bin:/bin", "DEBUG": "true", "S3_BUCKET": "news"},
        cwd=BASE_DIR,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.stdout.split() == ["storages.backends.s3.S3Storage", "news", "False"]
