"""Hand-written demo content, kept as Python data so it is versioned and reviewed like code."""

from . import (
    technologies_adaptation,
    technologies_agri,
    technologies_energy,
    technologies_grid_buildings,
    technologies_ict_planning,
    technologies_industry_transport,
    technologies_transport,
    technologies_waste,
    technologies_water,
)
from .experts import EXPERTS
from .needs import NEEDS
from .organisations import INVENTORS, ORGANISATIONS

TECHNOLOGY_CONCEPTS = [
    *technologies_energy.CONCEPTS,
    *technologies_grid_buildings.CONCEPTS,
    *technologies_ict_planning.CONCEPTS,
    *technologies_water.CONCEPTS,
    *technologies_adaptation.CONCEPTS,
    *technologies_agri.CONCEPTS,
    *technologies_industry_transport.CONCEPTS,
    *technologies_transport.CONCEPTS,
    *technologies_waste.CONCEPTS,
]

__all__ = ["EXPERTS", "INVENTORS", "NEEDS", "ORGANISATIONS", "TECHNOLOGY_CONCEPTS"]
