"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

const shortDay = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });
const label = (day: string) => shortDay.format(new Date(`${day}T00:00:00Z`));

/** Confirmations per day as bars. Drawn in the browser; the page always renders the same numbers as a table
 * beside it, for screen readers and for browsers without JavaScript, so the chart itself is hidden from them. */
export function SignaturesChart({ data }: { data: { day: string; count: number }[] }) {
  return (
    <div aria-hidden="true" className="h-64 w-full">
      <ResponsiveContainer width="100%" height="100%" minWidth={0} initialDimension={{ width: 320, height: 256 }}>
        {/* no keyboard layer: a tab stop inside aria-hidden would land a keyboard user on nothing (axe
            aria-hidden-focus); the table beside it carries the same numbers */}
        <BarChart accessibilityLayer={false} data={data} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
          <CartesianGrid vertical={false} stroke="#d9d2c4" />
          <XAxis dataKey="day" tickFormatter={label} tick={{ fontSize: 12, fill: "#4a453c" }} interval="preserveStartEnd" minTickGap={16} tickLine={false} />
          <YAxis allowDecimals={false} tick={{ fontSize: 12, fill: "#4a453c" }} tickLine={false} axisLine={false} width={48} />
          <Tooltip
            cursor={{ fill: "#efeae0" }}
            labelFormatter={(day) => label(String(day))}
            formatter={(value) => [String(value), "Confirmed"]}
            contentStyle={{ border: "2px solid #16140f", borderRadius: 4 }}
          />
          <Bar dataKey="count" fill="#16140f" radius={[2, 2, 0, 0]} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
