package org.guanxi.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Objects;
import java.util.Optional;

import org.guanxi.core.AppClock;
import org.guanxi.core.db.Database;
import org.guanxi.core.i18n.Texts;
import org.guanxi.core.model.Permission;
import org.guanxi.core.model.ResponseSource;
import org.guanxi.core.model.Survey;
import org.guanxi.core.model.SurveyQuestion;
import org.guanxi.core.service.Checks;
import org.guanxi.core.service.Entities;
import org.guanxi.core.service.FieldError;
import org.guanxi.core.service.GuanxiException;
import org.guanxi.core.service.NotFoundException;
import org.guanxi.core.service.AuditLog;
import org.guanxi.core.service.SecurityService;
import org.guanxi.core.service.SurveyService;
import org.guanxi.tables.TableFileException;
import org.guanxi.tables.TableReader;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Surveys on JPA; responses written and analysed with JDBC, since analyses read every answer of a period. */
@Component(service = SurveyService.class)
public class SurveyServiceImpl implements SurveyService {

    static final String ENTITY = "Survey";
    private static final Texts TEXTS = Texts.of(SurveyServiceImpl.class);

    private final Database db;
    private final SecurityService security;
    private final AuditLog audit;

    @Activate
    public SurveyServiceImpl(@Reference Database db, @Reference SecurityService security, @Reference AuditLog audit) {
        this.db = db;
        this.security = security;
        this.audit = audit;
    }

    @Override
    public List<Survey> surveys() {
        security.check(Permission.CUSTOMER_READ);
        return db.read(em -> {
            List<Survey> all = em.createQuery("SELECT s FROM Survey s ORDER BY s.code", Survey.class).getResultList();
            all.forEach(s -> s.getQuestions().size());
            return all;
        });
    }

    @Override
    public Survey survey(long id) {
        security.check(Permission.CUSTOMER_READ);
        return db.read(em -> {
            Survey s = Entities.require(em.find(Survey.class, id), ENTITY, id);
            s.getQuestions().size();
            return s;
        });
    }

    @Override
    public Survey survey(String code) {
        return surveys().stream().filter(s -> s.getCode().equals(code)).findFirst()
                .orElseThrow(() -> new org.guanxi.core.service.NotFoundException(ENTITY, code));
    }

    @Override
    public Survey save(Survey draft) {
        security.check(Permission.SERVICE_ADMIN);
        List<FieldError> errors = new ArrayList<>();
        Checks.required(errors, "surveyCode", draft.getCode(), 32);
        Checks.required(errors, "name", draft.getName(), 120);
        if (draft.getQuestions().isEmpty()) {
            errors.add(new FieldError("questions", "error.required"));
        }
        for (int i = 0; i < draft.getQuestions().size(); i++) {
            SurveyQuestion q = draft.getQuestions().get(i);
            String row = "question." + (i + 1) + ".";
            Checks.required(errors, row + "text", q.getText(), 400);
            Checks.required(errors, row + "construct", q.getConstruct());
            if (q.getScaleMax() <= q.getScaleMin()) {
                errors.add(new FieldError(row + "scale", "error.scale", q.getScaleMin(), q.getScaleMax()));
            }
            if (!(q.getWeight() > 0)) {
                errors.add(new FieldError(row + "weight", "error.positive"));
            }
        }
        Checks.throwIfAny(errors);
        return db.inTransaction(em -> {
            Survey s = draft.isNew() ? new Survey()
                    : Entities.current(em, Survey.class, ENTITY, draft.getId(), draft.getVersion());
            Map<String, Object> before = s.isNew() ? Map.of() : snapshot(s);
            s.setCode(draft.getCode().strip());
            s.setName(draft.getName().strip());
            s.setNameEn(CaseServiceImpl.blankToNull(draft.getNameEn()));
            s.setActive(draft.isActive());
            // questions keep their ids (answers refer to them) where they still exist; new ones are appended
            Map<Long, SurveyQuestion> kept = new HashMap<>();
            s.getQuestions().forEach(q -> kept.put(q.getId(), q));
            answered(em, s, draft);
            List<SurveyQuestion> wanted = new ArrayList<>();
            for (SurveyQuestion d : draft.getQuestions()) {
                SurveyQuestion q = d.getId() != null && kept.containsKey(d.getId()) ? kept.get(d.getId()) : new SurveyQuestion();
                q.setText(d.getText().strip());
                q.setTextEn(CaseServiceImpl.blankToNull(d.getTextEn()));
                q.setConstruct(d.getConstruct());
                q.setScaleMin(d.getScaleMin());
                q.setScaleMax(d.getScaleMax());
                q.setWeight(d.getWeight());
                q.setSurvey(s);
                wanted.add(q);
            }
            s.getQuestions().removeIf(q -> !wanted.contains(q));
            for (int i = 0; i < wanted.size(); i++) {
                wanted.get(i).setSeq(i + 1);
                if (!s.getQuestions().contains(wanted.get(i))) {
                    s.getQuestions().add(wanted.get(i));
                }
            }
            s.getQuestions().sort(java.util.Comparator.comparingInt(SurveyQuestion::getSeq));
            if (s.isNew()) {
                em.persist(s);
            }
            em.flush();
            audit.record(em, ENTITY, s.getId(), before, snapshot(s));
            return s;
        });
    }

    /** A survey as the audit trail shows it: its fields and each question in a line. */
    private static Map<String, Object> snapshot(Survey s) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("code", s.getCode());
        m.put("name", s.getName());
        m.put("nameEn", s.getNameEn());
        m.put("active", s.isActive());
        m.put("questions", s.getQuestions().stream().map(q -> q.getSeq() + ". " + q.getText() + " [" + q.getConstruct() + " "
                + q.getScaleMin() + "–" + q.getScaleMax() + " ×" + q.getWeight() + "]").collect(java.util.stream.Collectors.joining("\n")));
        return m;
    }

    /**
     * An answered question keeps what its answers meant: it may be reworded or reweighted, but neither removed nor
     * put on another scale or construct (make a new survey for that; the old one keeps its history).
     */
    private static void answered(jakarta.persistence.EntityManager em, Survey stored, Survey draft) {
        if (stored.isNew()) {
            return;
        }
        Set<Long> withAnswers = Database.jdbc(em, c -> {
            Set<Long> ids = new HashSet<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT a.QUESTION_ID FROM SURVEY_ANSWER a "
                    + "JOIN SURVEY_QUESTION q ON q.ID = a.QUESTION_ID WHERE q.SURVEY_ID = ?")) {
                ps.setLong(1, stored.getId());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                    }
                }
            }
            return ids;
        });
        Map<Long, SurveyQuestion> drafted = new HashMap<>();
        draft.getQuestions().stream().filter(q -> q.getId() != null).forEach(q -> drafted.put(q.getId(), q));
        List<FieldError> errors = new ArrayList<>();
        for (SurveyQuestion q : stored.getQuestions()) {
            if (!withAnswers.contains(q.getId())) {
                continue;
            }
            SurveyQuestion d = drafted.get(q.getId());
            if (d == null) {
                errors.add(new FieldError("questions", "error.questionAnswered", q.getSeq(), q.getText()));
            } else if (d.getScaleMin() != q.getScaleMin() || d.getScaleMax() != q.getScaleMax() || d.getConstruct() != q.getConstruct()) {
                errors.add(new FieldError("questions", "error.questionRescaled", q.getSeq(), q.getText()));
            }
        }
        Checks.throwIfAny(errors);
    }

    @Override
    public long record(NewResponse r) {
        security.check(Permission.SERVICE_WRITE);
        Survey survey = survey(r.surveyId());
        List<FieldError> errors = new ArrayList<>();
        Checks.required(errors, "source", r.source());
        checkScores(survey, r.scores(), errors);
        Checks.throwIfAny(errors);
        return db.jdbcTransaction(c -> recorded(c, insert(c, r), r));
    }

    /**
     * A response entered by staff (call, import) in the audit trail: who entered whose answers to what, not the answers'
     * text. A customer's own answer through the link is recorded on the invitation instead.
     */
    private long recorded(Connection c, long id, NewResponse r) throws SQLException {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("surveyId", r.surveyId());
        m.put("customerId", r.customerId());
        m.put("caseId", r.caseId());
        m.put("source", r.source());
        m.put("answers", r.scores().values().stream().filter(Objects::nonNull).count());
        audit.record(c, "SurveyResponse", id, Map.of(), m);
        return id;
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String INVITATION = "SELECT i.ID, i.TOKEN, i.SURVEY_ID, i.CUSTOMER_ID, c.NAME, i.CASE_ID, i.EMAIL, "
            + "i.SENT_AT, i.EXPIRES_AT, i.RESPONSE_ID FROM SURVEY_INVITATION i JOIN CUSTOMER c ON c.ID = i.CUSTOMER_ID ";

    @Override
    public Optional<Invitation> invite(long surveyId, long customerId, Long caseId, String email, int quietDays) {
        security.check(Permission.SERVICE_WRITE);
        List<FieldError> errors = new ArrayList<>();
        Checks.required(errors, "email", email, 200);
        Checks.throwIfAny(errors);
        Instant now = AppClock.now();
        Long id = db.jdbcTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM SURVEY_INVITATION WHERE SURVEY_ID = ? AND CUSTOMER_ID = ? "
                    + "AND SENT_AT > ?")) {
                ps.setLong(1, surveyId);
                ps.setLong(2, customerId);
                ps.setTimestamp(3, Timestamp.from(now.minus(Duration.ofDays(quietDays))));
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return null;
                    }
                }
            }
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO SURVEY_INVITATION (SURVEY_ID, CUSTOMER_ID, CASE_ID, TOKEN, "
                    + "EMAIL, SENT_AT, EXPIRES_AT) VALUES (?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                ps.setLong(1, surveyId);
                ps.setLong(2, customerId);
                ps.setObject(3, caseId);
                ps.setString(4, Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
                ps.setString(5, email.strip());
                ps.setTimestamp(6, Timestamp.from(now));
                ps.setTimestamp(7, Timestamp.from(now.plus(LINK_VALID)));
                ps.executeUpdate();
                long invitation;
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    invitation = keys.getLong(1);
                }
                Map<String, Object> m = new java.util.LinkedHashMap<>();
                m.put("surveyId", surveyId);
                m.put("customerId", customerId);
                m.put("caseId", caseId);
                audit.record(c, "SurveyInvitation", invitation, Map.of(), m);
                return invitation;
            }
        });
        return id == null ? Optional.empty() : invitations(INVITATION + "WHERE i.ID = ?", id).stream().findFirst();
    }

    @Override
    public Optional<Invitation> invitation(String token) {
        if (token == null || token.isBlank() || token.length() > 64) {
            return Optional.empty();
        }
        return invitations(INVITATION + "WHERE i.TOKEN = ?", token).stream().findFirst();
    }

    private List<Invitation> invitations(String sql, Object arg) {
        return db.jdbc(c -> {
            List<Invitation> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setObject(1, arg);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long value = rs.getLong(10);
                        Long response = rs.wasNull() ? null : value;
                        out.add(new Invitation(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getString(5),
                                (Long) rs.getObject(6), rs.getString(7), rs.getTimestamp(8).toInstant(),
                                rs.getTimestamp(9).toInstant(), response));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public Survey surveyOf(Invitation invitation) {
        return db.read(em -> {
            Survey s = Entities.require(em.find(Survey.class, invitation.surveyId()), ENTITY, invitation.surveyId());
            s.getQuestions().size();
            return s;
        });
    }

    @Override
    public long respond(String token, Map<Long, Integer> scores, String comment) {
        Invitation inv = invitation(token).orElseThrow(() -> new NotFoundException("invitation", "?"));
        Survey survey = surveyOf(inv);
        List<FieldError> errors = new ArrayList<>();
        checkScores(survey, scores, errors);
        Checks.throwIfAny(errors);
        Instant now = AppClock.now();
        return db.jdbcTransaction(c -> {
            // the link is closed in the same transaction that stores the answers: two submissions, one response
            try (PreparedStatement ps = c.prepareStatement("UPDATE SURVEY_INVITATION SET RESPONDED_AT = ? WHERE ID = ? "
                    + "AND RESPONDED_AT IS NULL AND EXPIRES_AT > ?")) {
                ps.setTimestamp(1, Timestamp.from(now));
                ps.setLong(2, inv.id());
                ps.setTimestamp(3, Timestamp.from(now));
                if (ps.executeUpdate() == 0) {
                    throw new GuanxiException("error.invitationClosed");
                }
            }
            long response = insert(c, new NewResponse(inv.surveyId(), inv.customerId(), null, inv.caseId(), ResponseSource.EMAIL,
                    now, scores, comment));
            try (PreparedStatement ps = c.prepareStatement("UPDATE SURVEY_INVITATION SET RESPONSE_ID = ? WHERE ID = ?")) {
                ps.setLong(1, response);
                ps.setLong(2, inv.id());
                ps.executeUpdate();
            }
            return response;
        });
    }

    private static void checkScores(Survey survey, Map<Long, Integer> scores, List<FieldError> errors) {
        if (scores.values().stream().allMatch(Objects::isNull)) {
            errors.add(new FieldError("answers", "error.required"));
        }
        for (SurveyQuestion q : survey.getQuestions()) {
            Integer score = scores.get(q.getId());
            if (score != null && (score < q.getScaleMin() || score > q.getScaleMax())) {
                errors.add(new FieldError("question." + q.getSeq() + ".score", "error.range", q.getScaleMin(), q.getScaleMax()));
            }
        }
        for (Long id : scores.keySet()) {
            if (survey.getQuestions().stream().noneMatch(q -> q.getId().equals(id))) {
                errors.add(new FieldError("answers", "error.unknownQuestion", id));
            }
        }
    }

    private long insert(Connection c, NewResponse r) throws SQLException {
        long id;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO SURVEY_RESPONSE (SURVEY_ID, CUSTOMER_ID, PRODUCT_ID, "
                + "CASE_ID, SOURCE, RESPONDED_AT, AGENT, COMMENT_TEXT) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setLong(1, r.surveyId());
            ps.setLong(2, r.customerId());
            ps.setObject(3, r.productId());
            ps.setObject(4, r.caseId());
            ps.setString(5, r.source().name());
            ps.setTimestamp(6, Timestamp.from(Objects.requireNonNullElse(r.respondedAt(), AppClock.now())));
            ps.setString(7, r.source() == ResponseSource.CALL ? security.currentUser() : null);
            String comment = CaseServiceImpl.blankToNull(r.comment());
            ps.setString(8, comment == null || comment.length() <= 1000 ? comment : comment.substring(0, 1000));
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                id = keys.getLong(1);
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO SURVEY_ANSWER (RESPONSE_ID, QUESTION_ID, SCORE) VALUES (?, ?, ?)")) {
            for (Map.Entry<Long, Integer> a : r.scores().entrySet()) {
                if (a.getValue() != null) {
                    ps.setLong(1, id);
                    ps.setLong(2, a.getKey());
                    ps.setInt(3, a.getValue());
                    ps.addBatch();
                }
            }
            ps.executeBatch();
        }
        return id;
    }

    /** SURVEY_RESPONSE.COMMENT_TEXT */
    private static final int COMMENT_LENGTH = 1000;

    @Override
    public ImportResult importResponses(long surveyId, Path csv) {
        security.check(Permission.SERVICE_WRITE);
        Survey survey = survey(surveyId);
        String file = csv.getFileName().toString();
        List<String> problems = new ArrayList<>();
        List<NewResponse> good = new ArrayList<>();
        try (TableReader table = TableReader.open(csv)) {
            Map<String, Long> customers = codes("SELECT CODE, ID FROM CUSTOMER");
            Map<String, Long> products = codes("SELECT SKU, ID FROM PRODUCT");
            Map<String, Integer> columns = null;
            for (TableReader.Line row : table) {
                if (columns == null) {
                    columns = new HashMap<>();
                    for (int i = 0; i < row.size(); i++) {
                        columns.putIfAbsent(row.get(i).strip(), i);
                    }
                    continue;
                }
                long line = row.number();
                NewResponse r = parse(survey, new Row(columns, row), customers, products, (field, reason) -> problems.add(
                        TEXTS.get("import.problem", file, line, field, reason)));
                if (r != null) {
                    good.add(r);
                }
            }
        } catch (TableFileException e) {
            return new ImportResult(0, List.of(e.getMessage()));
        } catch (IOException | UncheckedIOException e) {
            problems.add(e.getCause() instanceof TableFileException bad ? bad.getMessage()
                    : TEXTS.get("import.unreadable", file, e.getMessage()));
            return new ImportResult(0, problems);
        }
        if (!problems.isEmpty()) {
            // all or nothing: a file with a bad line is corrected and imported again, never half-imported
            return new ImportResult(0, problems);
        }
        db.jdbcTransaction(c -> {
            for (NewResponse r : good) {
                recorded(c, insert(c, r), r);
            }
            return null;
        });
        return new ImportResult(good.size(), problems);
    }

    private interface Problems {
        void add(String field, String reason);
    }

    /** A line's cells by their header. */
    private record Row(Map<String, Integer> columns, TableReader.Line line) {
        String value(String column) {
            Integer i = columns.get(column);
            String v = i == null ? "" : line.get(i);
            return v.isBlank() ? null : v.strip();
        }
    }

    /** One line as a response, or null after reporting what is wrong with it. */
    private static NewResponse parse(Survey survey, Row row, Map<String, Long> customers, Map<String, Long> products,
            Problems problems) {
        boolean bad = false;
        String code = row.value("customer_code");
        Long customer = code == null ? null : customers.get(code);
        if (customer == null) {
            problems.add("customer_code", code == null ? TEXTS.get("import.missing") : TEXTS.get("import.noCustomer", code));
            bad = true;
        }
        Instant when = null;
        String date = row.value("date");
        try {
            when = date == null ? null : LocalDate.parse(date).atTime(12, 0).atZone(AppClock.zone()).toInstant();
        } catch (DateTimeParseException e) {
            // reported below
        }
        if (when == null) {
            problems.add("date", TEXTS.get("import.badDate", Objects.toString(date, "")));
            bad = true;
        } else if (LocalDate.parse(date).isAfter(AppClock.today())) {
            problems.add("date", TEXTS.get("import.futureDate", date));
            bad = true;
        }
        Map<Long, Integer> scores = new LinkedHashMap<>();
        for (SurveyQuestion q : survey.getQuestions()) {
            String column = "Q" + q.getSeq();
            String v = row.value(column);
            if (v == null) {
                continue;
            }
            try {
                int score = Integer.parseInt(v);
                if (score < q.getScaleMin() || score > q.getScaleMax()) {
                    throw new NumberFormatException();
                }
                scores.put(q.getId(), score);
            } catch (NumberFormatException e) {
                problems.add(column, TEXTS.get("import.badScore", v, q.getScaleMin(), q.getScaleMax()));
                bad = true;
            }
        }
        if (scores.isEmpty() && !bad) {
            problems.add("Q1", TEXTS.get("import.noScores"));
            bad = true;
        }
        Long product = null;
        String sku = row.value("product_sku");
        if (sku != null) {
            product = products.get(sku);
            if (product == null) {
                problems.add("product_sku", TEXTS.get("import.noProduct", sku));
                bad = true;
            }
        }
        String comment = row.value("comment");
        if (comment != null && comment.length() > COMMENT_LENGTH) {
            problems.add("comment", TEXTS.get("import.tooLong", COMMENT_LENGTH));
            bad = true;
        }
        return bad ? null : new NewResponse(survey.getId(), customer, product, null, ResponseSource.IMPORT, when, scores, comment);
    }

    private Map<String, Long> codes(String sql) {
        return db.jdbc(c -> {
            Map<String, Long> out = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getLong(2));
                }
            }
            return out;
        });
    }

    @Override
    public Satisfaction satisfaction(long surveyId, LocalDate from, LocalDate to, Grouping grouping) {
        security.check(Permission.CUSTOMER_READ);
        Survey survey = survey(surveyId);
        SatisfactionIndex index = new SatisfactionIndex(survey.getQuestions());
        String group = switch (grouping) {
            case TIER -> ChurnServiceImpl.tierOf("r.CUSTOMER_ID");
            case PRODUCT -> "COALESCE((SELECT p.NAME FROM PRODUCT p WHERE p.ID = r.PRODUCT_ID), '')";
            case SOURCE -> "r.SOURCE";
            case MONTH -> "''";
        };
        db.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT r.ID, r.RESPONDED_AT, " + group + ", a.QUESTION_ID, a.SCORE "
                    + "FROM SURVEY_RESPONSE r JOIN SURVEY_ANSWER a ON a.RESPONSE_ID = r.ID WHERE r.SURVEY_ID = ? "
                    + "AND r.RESPONDED_AT >= ? AND r.RESPONDED_AT < ? ORDER BY r.RESPONDED_AT, r.ID")) {
                ps.setLong(1, surveyId);
                ps.setTimestamp(2, Timestamp.valueOf(from.atStartOfDay()));
                ps.setTimestamp(3, Timestamp.valueOf(to.plusDays(1).atStartOfDay()));
                try (ResultSet rs = ps.executeQuery()) {
                    long current = -1;
                    String currentGroup = null;
                    Map<Long, Integer> scores = new HashMap<>();
                    while (rs.next()) {
                        if (rs.getLong(1) != current) {
                            if (current >= 0) {
                                index.add(currentGroup, scores);
                            }
                            current = rs.getLong(1);
                            currentGroup = grouping == Grouping.MONTH
                                    ? rs.getTimestamp(2).toLocalDateTime().toLocalDate().withDayOfMonth(1).toString().substring(0, 7)
                                    : rs.getString(3);
                            scores = new HashMap<>();
                        }
                        scores.put(rs.getLong(4), rs.getInt(5));
                    }
                    if (current >= 0) {
                        index.add(currentGroup, scores);
                    }
                }
            }
            return null;
        });
        List<Figures> groups = new ArrayList<>(index.groups());
        if (grouping != Grouping.MONTH) {
            groups.sort((a, b) -> grouping == Grouping.TIER ? Integer.compare(tierRank(a.group()), tierRank(b.group()))
                    : Integer.compare(b.responses(), a.responses()));
        }
        return new Satisfaction(index.total(), groups);
    }

    private static int tierRank(String tier) {
        try {
            return org.guanxi.core.model.Tier.valueOf(tier).ordinal();
        } catch (IllegalArgumentException e) {
            return Integer.MAX_VALUE;
        }
    }
}
