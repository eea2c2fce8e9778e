"""All SQL of the Roadmap Hub: parametrised queries only."""
