"""incidentkit: incidents of militant violence in Pakistan, parsed from reports."""
