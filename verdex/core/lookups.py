"""``__in`` on integer columns ignores numbers the column cannot hold.

Django already turns ``exact``/``gt``/... with an out-of-range integer into an
empty (or full) result; ``in`` it passes to the driver, which raises
OverflowError on SQLite and a DataError on PostgreSQL. Every
ModelMultipleChoiceField looks its choices up with ``pk__in``, so one huge
number in a form or API body was an HTTP 500. Such a number can match no row,
so it is dropped from the list, as Django does for ``exact``; the form then
answers "not one of the available choices".
"""

from django.db.models import IntegerField
from django.db.models.lookups import In


@IntegerField.register_lookup
class IntegerFieldIn(In):
    def process_rhs(self, compiler, connection):
        if self.rhs_is_direct_value():
            low, high = connection.ops.integer_field_range(self.lhs.output_field.get_internal_type())
            self.rhs = [
                value for value in self.rhs
                if not isinstance(value, int)
                or ((low is None or value >= low) and (high is None or value <= high))
            ]
        return super().process_rhs(compiler, connection)
