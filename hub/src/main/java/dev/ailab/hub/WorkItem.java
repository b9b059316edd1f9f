package dev.ailab.hub;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Something to be done, in a project or on its own. */
@Entity
@Table(name = "work_item")
public class WorkItem {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne
    @JoinColumn(name = "project_id")
    public Project project;

    @Column(nullable = false)
    public String title;

    public String body;

    @Convert(converter = Converters.StatusWord.class)
    @Column(nullable = false)
    public WorkStatus status = WorkStatus.todo;

    @Convert(converter = Converters.PriorityRank.class)
    @Column(nullable = false)
    public Priority priority = Priority.normal;

    @Convert(converter = Converters.LabelsText.class)
    @Column(nullable = false)
    public List<String> labels = new ArrayList<>();

    /** A person or an agent name. */
    public String assignee;

    @Column(name = "due_date")
    @Convert(converter = Converters.DateText.class)
    public LocalDate dueDate;

    @ManyToOne
    @JoinColumn(name = "parent_id")
    public WorkItem parent;

    /** Where the item also lives, such as {@code github:owner/repo#12}. */
    @Column(name = "external_ref")
    public String externalRef;

    @Column(name = "created_at", nullable = false)
    @Convert(converter = Converters.InstantText.class)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    @Convert(converter = Converters.InstantText.class)
    public Instant updatedAt;
}
