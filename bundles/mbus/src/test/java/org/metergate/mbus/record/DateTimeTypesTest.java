package org.metergate.mbus.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;
import org.metergate.mbus.Hex;
import org.metergate.mbus.MBusDecodeException;

/** EN 13757-3 annex A date and time types F, G, I, J, K, M. */
class DateTimeTypesTest {

    private static DataValue value(String hex) throws MBusDecodeException {
        byte[] b = Hex.parse(hex);
        return DataRecordDecoder.decode(b, 0, b.length, Direction.SLAVE_TO_MASTER, -1).records().get(0).value();
    }

    @Test
    void typeGDate() throws Exception {
        // libmbus test-frames/REL-Relay-Padpuls2.hex: 42 6C DF 1C = 2014-12-31
        MBusDate d = (MBusDate) value("42 6C DF 1C");
        assertThat(d).isEqualTo(new MBusDate(2014, 12, 31));
        assertThat(d.toLocalDate()).contains(LocalDate.of(2014, 12, 31));
        assertThat(d.text()).isEqualTo("2014-12-31");
    }

    @Test
    void typeGWithoutADateIsKeptAsSent() throws Exception {
        MBusDate d = (MBusDate) value("02 6C 00 00");
        assertThat(d.month()).isZero();
        assertThat(d.toLocalDate()).isEmpty();
        // year code 127 (every year): periodic date 01-01
        MBusDate every = (MBusDate) value("02 6C E1 F1");
        assertThat(every.year()).isEqualTo(127);
        assertThat(every.month()).isEqualTo(1);
        assertThat(every.toLocalDate()).isEmpty();
    }

    @Test
    void typeFDateAndTimeWithInvalidAndSummerTimeFlags() throws Exception {
        // libmbus test-frames/ACW_Itron-BM-plus-m.hex: 04 6D 0B 0B CD 13 = 2014-03-13 11:11
        MBusDateTime t = (MBusDateTime) value("04 6D 0B 0B CD 13");
        assertThat(t.type()).isEqualTo('F');
        assertThat(t.toLocalDateTime()).contains(LocalDateTime.of(2014, 3, 13, 11, 11));
        assertThat(t.invalid()).isFalse();
        assertThat(t.summerTime()).isFalse();
        // IV (bit 7 of the minute byte) and SU (bit 7 of the hour byte)
        MBusDateTime flagged = (MBusDateTime) value("04 6D 8B 8B CD 13");
        assertThat(flagged.invalid()).isTrue();
        assertThat(flagged.summerTime()).isTrue();
        assertThat(flagged.toLocalDateTime()).isEmpty();
        assertThat(flagged.minute()).isEqualTo(11);
    }

    @Test
    void typeFHundredYearField() throws Exception {
        // hundred year 1 (bits 13-14), year 05 -> 1900 + 100 + 5 = 2005
        MBusDateTime t = (MBusDateTime) value("04 6D 00 20 A1 01");
        assertThat(t.year()).isEqualTo(2005);
        // hundred year 0: 81-99 are the 1900s
        MBusDateTime old = (MBusDateTime) value("04 6D 00 00 21 A1");
        assertThat(old.year()).isEqualTo(1981);
    }

    @Test
    void typeIDateAndTimeWithSeconds() throws Exception {
        // libmbus test-frames/LGB_G350.hex: 46 6D 00 00 09 14 27 00 -> 2016-07-20 09:00:00 (libmbus issue #110)
        MBusDateTime t = (MBusDateTime) value("46 6D 00 00 09 14 27 00");
        assertThat(t.type()).isEqualTo('I');
        assertThat(t.toLocalDateTime()).contains(LocalDateTime.of(2016, 7, 20, 9, 0, 0));
        // hand-built: 2021-06-15 (Tuesday, week 24) 13:45:30, summer time, DST deviation 1 h
        MBusDateTime i = (MBusDateTime) value("06 6D 5E 2D 4D AF 26 58");
        assertThat(i.second()).isEqualTo(30);
        assertThat(i.summerTime()).isTrue();
        assertThat(i.minute()).isEqualTo(45);
        assertThat(i.hour()).isEqualTo(13);
        assertThat(i.dayOfWeek()).isEqualTo(2);
        assertThat(i.day()).isEqualTo(15);
        assertThat(i.month()).isEqualTo(6);
        assertThat(i.year()).isEqualTo(2021);
        assertThat(i.week()).isEqualTo(24);
        assertThat(i.daylightSavingDeviation()).isEqualTo(1);
        assertThat(i.invalid()).isFalse();
        assertThat(((MBusDateTime) value("06 6D 00 80 00 01 01 00")).invalid()).isTrue();
    }

    @Test
    void typeJTime() throws Exception {
        MBusTime t = (MBusTime) value("03 6D 1E 2D 0D");
        assertThat(t).isEqualTo(new MBusTime(13, 45, 30));
        assertThat(t.toLocalTime()).contains(LocalTime.of(13, 45, 30));
    }

    @Test
    void typeKDaylightSaving() throws Exception {
        // begin hour 2, begin day 29, begin month 3, end month 10, end day 25
        DaylightSaving k = (DaylightSaving) value("04 FD 72 02 1D A3 19");
        assertThat(k.beginHour()).isEqualTo(2);
        assertThat(k.beginDay()).isEqualTo(29);
        assertThat(k.beginMonth()).isEqualTo(3);
        assertThat(k.endMonth()).isEqualTo(10);
        assertThat(k.endDay()).isEqualTo(25);
        assertThat(k.raw()).isEqualTo(0x19A31D02);
    }

    @Test
    void typeMIsIso8601TextInAVariableLengthField() throws Exception {
        // "2021-06-15T13:45:30" sent last character first
        String iso = "2021-06-15T13:45:30";
        StringBuilder hex = new StringBuilder("0D 6D ").append(Hex.byteHex(iso.length()));
        for (int i = iso.length() - 1; i >= 0; i--) {
            hex.append(' ').append(Hex.byteHex(iso.charAt(i)));
        }
        MBusDateTime m = (MBusDateTime) value(hex.toString());
        assertThat(m.type()).isEqualTo('M');
        assertThat(m.toLocalDateTime()).contains(LocalDateTime.of(2021, 6, 15, 13, 45, 30));
        // text that is not a date stays text
        assertThat(value("0D 6D 02 42 41")).isEqualTo(new DataValue.Text("AB"));
    }

    @Test
    void dateOfVifeMakesTheRecordADate() throws Exception {
        // the VIB of libmbus test-frames/landis+gyr_ultraheat_t230.hex (94 10 DA 6F) with a hand-built type F
        DataValue v = value("94 10 DA 6F 32 14 7A 18");
        assertThat(v).isInstanceOf(MBusDateTime.class);
        assertThat(((MBusDateTime) v).toLocalDateTime()).contains(LocalDateTime.of(2011, 8, 26, 20, 50));
    }
}
