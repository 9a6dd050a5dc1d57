"""The agenda: commitments and their checks, proposals, digest and update composition."""
