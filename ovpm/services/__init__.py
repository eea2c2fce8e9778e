"""Use cases: check permission → validate → unit of work → write → audit → commit."""
