"""The stand session (``StandSession``): every use case a stand window needs, on desks."""
