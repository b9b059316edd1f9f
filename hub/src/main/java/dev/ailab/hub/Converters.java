package dev.ailab.hub;

import jakarta.persistence.AttributeConverter;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** JPA converters that write values the way {@link StoreValues} says, on every database. */
final class Converters {
    private Converters() {
    }

    /** Instant as fixed-width ISO-8601 UTC text. */
    public static final class InstantText implements AttributeConverter<Instant, String> {
        @Override
        public String convertToDatabaseColumn(Instant attribute) {
            return StoreValues.instant(attribute);
        }

        @Override
        public Instant convertToEntityAttribute(String dbData) {
            return StoreValues.instant(dbData);
        }
    }

    /** LocalDate as yyyy-MM-dd text. */
    public static final class DateText implements AttributeConverter<LocalDate, String> {
        @Override
        public String convertToDatabaseColumn(LocalDate attribute) {
            return StoreValues.date(attribute);
        }

        @Override
        public LocalDate convertToEntityAttribute(String dbData) {
            return StoreValues.date(dbData);
        }
    }

    /** A label list as ',a,b,'. */
    public static final class LabelsText implements AttributeConverter<List<String>, String> {
        @Override
        public String convertToDatabaseColumn(List<String> attribute) {
            return StoreValues.joinLabels(attribute);
        }

        @Override
        public List<String> convertToEntityAttribute(String dbData) {
            return StoreValues.splitLabels(dbData);
        }
    }

    /** Priority as its rank. */
    public static final class PriorityRank implements AttributeConverter<Priority, Integer> {
        @Override
        public Integer convertToDatabaseColumn(Priority attribute) {
            return attribute == null ? Priority.normal.rank() : attribute.rank();
        }

        @Override
        public Priority convertToEntityAttribute(Integer dbData) {
            return dbData == null ? Priority.normal : Priority.ofRank(dbData);
        }
    }

    /** Status as its lower-case word. */
    public static final class StatusWord implements AttributeConverter<WorkStatus, String> {
        @Override
        public String convertToDatabaseColumn(WorkStatus attribute) {
            return attribute == null ? WorkStatus.todo.name() : attribute.name();
        }

        @Override
        public WorkStatus convertToEntityAttribute(String dbData) {
            return dbData == null ? WorkStatus.todo : WorkStatus.valueOf(dbData);
        }
    }
}
