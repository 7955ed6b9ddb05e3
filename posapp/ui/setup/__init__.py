"""Setting a stand up: the first-start wizard, the settings and joining the event."""
