"""What every room shares: languages, refusals, background work, widgets, row models, the
supervisor's PIN prompt, the scanner filter and QR images. Nothing here imports a room."""
