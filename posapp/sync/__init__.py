"""Moving a stand's journal to the organizers: the signed export file, sync and merge."""
