"""Survey answers brought into a session: read from a CSV or XLSX file (reading), their columns
mapped to the fields of an answer (fields), their stage and touchpoint values matched to the
journey (matching), and the answers to add planned, all or none (plan). No Qt."""

from cocreate.feedback.fields import (
    Field,
    FieldMapping,
    MappingError,
    RowProblem,
    ValueProblem,
    guess_mapping,
    mapping_from_names,
)
from cocreate.feedback.matching import Matching, Unmatched, match_values
from cocreate.feedback.plan import (
    Answer,
    ImportPlan,
    Targets,
    check_row,
    column_values,
    plan_import,
    preview,
)
from cocreate.feedback.reading import (
    FeedbackFileError,
    ReadProblem,
    SourceRow,
    SourceTable,
    read_answers,
)

__all__ = [
    "Answer",
    "FeedbackFileError",
    "Field",
    "FieldMapping",
    "ImportPlan",
    "MappingError",
    "Matching",
    "ReadProblem",
    "RowProblem",
    "SourceRow",
    "SourceTable",
    "Targets",
    "Unmatched",
    "ValueProblem",
    "check_row",
    "column_values",
    "guess_mapping",
    "mapping_from_names",
    "match_values",
    "plan_import",
    "preview",
    "read_answers",
]
