package dev.ailab.hub;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One run of an AI agent: who, which model, when, what it cost, what it did. */
@Entity
@Table(name = "ai_session")
public class AiSession {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne
    @JoinColumn(name = "project_id")
    public Project project;

    @Column(nullable = false)
    public String agent;

    public String model;

    @Column(name = "started_at", nullable = false)
    @Convert(converter = Converters.InstantText.class)
    public Instant startedAt;

    @Column(name = "ended_at")
    @Convert(converter = Converters.InstantText.class)
    public Instant endedAt;

    public String summary;

    @Column(name = "tokens_in")
    public Long tokensIn;

    @Column(name = "tokens_out")
    public Long tokensOut;

    public Double cost;

    @ManyToMany
    @JoinTable(name = "ai_session_work_item",
            joinColumns = @JoinColumn(name = "session_id"),
            inverseJoinColumns = @JoinColumn(name = "work_item_id"))
    @OrderBy("id")
    public List<WorkItem> workItems = new ArrayList<>();

    @OneToMany(mappedBy = "session", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    public List<SessionLogEntry> log = new ArrayList<>();
}
