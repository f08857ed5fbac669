package io.dishtayantra.crd.v1alpha1;

import io.fabric8.generator.annotation.ValidationRule;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import java.util.ArrayList;
import java.util.List;

/**
 * When a DAG runs: a daily window in one time zone, on some days, minus excluded dates.
 * Used as the spec of a {@link TimeWindow} resource and embedded in a standalone DAG.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "has(self.end) != has(self.duration)", message = "set exactly one of end and duration")
@ValidationRule(value = "!has(self.warmUp) || (has(self.outside) && self.outside == 'Stop')", message = "warmUp applies only when outside is Stop")
public class TimeWindowSpec {

    @Required
    @JsonPropertyDescription("IANA time zone the window follows, such as Europe/London.")
    private String timeZone;

    @Required
    @Pattern("^([01][0-9]|2[0-3]):[0-5][0-9]$")
    @JsonPropertyDescription("Local time the window opens, HH:MM.")
    private String start;

    @Pattern("^([01][0-9]|2[0-3]):[0-5][0-9]$")
    @JsonPropertyDescription("Local time the window closes, HH:MM; before start means the window crosses midnight.")
    private String end;

    @JsonPropertyDescription("Length of the window instead of end, such as 8h30m.")
    private String duration;

    @JsonPropertyDescription("Days the window opens on: Mon, Tue, Wed, Thu, Fri, Sat, Sun. Default every day.")
    private List<String> days = new ArrayList<>();

    @JsonPropertyDescription("Dates (YYYY-MM-DD, in timeZone) on which the window does not open.")
    private List<String> excludeDates = new ArrayList<>();

    @Pattern("^(Suspend|Stop)$")
    @JsonPropertyDescription("Outside the window: Suspend (pods stay, intake paused) or Stop (scale to zero). Default Suspend.")
    private String outside;

    @JsonPropertyDescription("With outside: Stop, start pods this long before the window opens, such as 2m.")
    private String warmUp;

    @JsonPropertyDescription("Run each occurrence of the window in its own dated clone of the DAG.")
    private AutoCloneSpec autoClone;

    public String getTimeZone() {
        return timeZone;
    }

    public void setTimeZone(String timeZone) {
        this.timeZone = timeZone;
    }

    public String getStart() {
        return start;
    }

    public void setStart(String start) {
        this.start = start;
    }

    public String getEnd() {
        return end;
    }

    public void setEnd(String end) {
        this.end = end;
    }

    public String getDuration() {
        return duration;
    }

    public void setDuration(String duration) {
        this.duration = duration;
    }

    public List<String> getDays() {
        return days;
    }

    public void setDays(List<String> days) {
        this.days = days == null ? new ArrayList<>() : days;
    }

    public List<String> getExcludeDates() {
        return excludeDates;
    }

    public void setExcludeDates(List<String> excludeDates) {
        this.excludeDates = excludeDates == null ? new ArrayList<>() : excludeDates;
    }

    public String getOutside() {
        return outside;
    }

    public void setOutside(String outside) {
        this.outside = outside;
    }

    public String getWarmUp() {
        return warmUp;
    }

    public void setWarmUp(String warmUp) {
        this.warmUp = warmUp;
    }

    public AutoCloneSpec getAutoClone() {
        return autoClone;
    }

    public void setAutoClone(AutoCloneSpec autoClone) {
        this.autoClone = autoClone;
    }
}
