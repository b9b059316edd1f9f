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

/** One timestamped line of what a session did. */
@Entity
@Table(name = "ai_session_log")
public class SessionLogEntry {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "session_id", nullable = false)
    public AiSession session;

    @Column(name = "logged_at", nullable = false)
    @Convert(converter = Converters.InstantText.class)
    public Instant loggedAt;

    @Column(nullable = false)
    public String message;
}
