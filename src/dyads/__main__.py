from dyads.cli import app

app()
