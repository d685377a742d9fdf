package io.cognate.database.rows;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class RowTypeTest {

    @Table("account")
    static class Account {
        @Id
        UUID id;
        @Column("display_name")
        String displayName;
        int visits;
        byte[] secret;
        @Column("seen_at")
        Instant seenAt;
        transient String cached;
        static String shared;
    }

    @Table("membership")
    static class Membership {
        @Id
        @Column("group_id")
        String groupId;
        @Id
        String member;
        String role;
    }

    @Table("event")
    static class Event {
        @Id(generated = true)
        Long id;
        String payload;
    }

    @Test
    void columnsWhenFieldsThenTheirNamesOrColumnsButNotTransientOrStaticOnes() {
        Account account = account();
        RowType.Statement insert = RowType.of(Account.class).insert(account);
        assertEquals("insert into account (id, display_name, visits, secret, seen_at) values ($1, $2, $3, $4, $5)",
                insert.sql());
        assertEquals(List.of(account.id, "Ann", 3, account.secret, account.seenAt), insert.parameters());
    }

    @Test
    void updateWhenSomeColumnsChangedThenOnlyThoseByTheKey() {
        RowType<Account> type = RowType.of(Account.class);
        Account account = account();
        Object[] before = type.snapshot(account);
        account.visits = 4;
        account.secret[0] = 9;
        RowType.Statement update = type.update(account, before);
        assertEquals("update account set visits = $1, secret = $2 where id = $3", update.sql());
        assertEquals(4, update.parameters().get(0));
        assertEquals(account.id, update.parameters().get(2));
    }

    @Test
    void updateWhenNothingChangedThenNone() {
        RowType<Account> type = RowType.of(Account.class);
        Account account = account();
        Object[] before = type.snapshot(account);
        account.cached = "not a column";
        assertNull(type.update(account, before));
    }

    @Test
    void compositeKeyWhenDeletedOrUpdatedThenEveryKeyColumn() {
        RowType<Membership> type = RowType.of(Membership.class);
        Membership membership = new Membership();
        membership.groupId = "g";
        membership.member = "m";
        Object[] before = type.snapshot(membership);
        membership.role = "owner";
        assertEquals("update membership set role = $1 where group_id = $2 and member = $3",
                type.update(membership, before).sql());
        assertEquals("delete from membership where group_id = $1 and member = $2", type.delete(membership).sql());
        assertEquals(List.of("g", "m"), type.key(membership));
    }

    @Test
    void generatedKeyWhenInsertedThenLeftOutAndReturned() {
        Event event = new Event();
        event.payload = "{}";
        assertEquals("insert into event (payload) values ($1) returning id",
                RowType.of(Event.class).insert(event).sql());
    }

    @Test
    void parametersWhenInstantsBytesEnumsAndCollectionsThenAsTheClientTakesThem() {
        Instant now = Instant.parse("2026-12-07T10:15:30Z");
        var tuple = RowType.tuple(now, new byte[] { 1, 2 }, null, "text", List.of("a", "b"), List.of(),
                Thread.State.NEW);
        assertEquals(now.atOffset(java.time.ZoneOffset.UTC), tuple.getValue(0));
        assertEquals(io.vertx.core.buffer.Buffer.buffer(new byte[] { 1, 2 }), tuple.getValue(1));
        assertNull(tuple.getValue(2));
        assertEquals("text", tuple.getValue(3));
        assertArrayEquals(new String[] { "a", "b" }, (String[]) tuple.getValue(4));
        assertArrayEquals(new String[0], (String[]) tuple.getValue(5));
        assertEquals("NEW", tuple.getValue(6));
    }

    @Test
    void typeWhenNotATableThenRefused() {
        assertThrows(IllegalArgumentException.class, () -> RowType.of(String.class));
    }

    private static Account account() {
        Account account = new Account();
        account.id = UUID.fromString("00000000-0000-0000-0000-000000000001");
        account.displayName = "Ann";
        account.visits = 3;
        account.secret = new byte[] { 1, 2, 3 };
        account.seenAt = Instant.parse("2026-12-07T10:15:30Z");
        return account;
    }
}
