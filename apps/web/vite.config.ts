import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// One chunk per large library, so a release that changes only our code keeps the libraries cached,
// and ECharts is fetched only by the pages that draw a chart (they import it through React.lazy).
const antdModules =
  /node_modules[\\/](antd|@ant-design|@rc-component|rc-[a-z-]+|@emotion|dayjs|classnames|stylis|throttle-debounce|compute-scroll-into-view|scroll-into-view-if-needed|json2mq|copy-to-clipboard|toggle-selection|string-convert|is-mobile|@babel[\\/]runtime)[\\/]/;

const vendorGroups = [
  { name: "react", test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/, priority: 40 },
  {
    name: "i18n",
    test: /node_modules[\\/](i18next|react-i18next|html-parse-stringify|void-elements)[\\/]/,
    priority: 30,
  },
  { name: "echarts", test: /node_modules[\\/](echarts|zrender)[\\/]/, priority: 30 },
  // The part of antd the shell needs at start (layout, menu, drawer, forms …) loads with the app; the
  // components only some screens use (tables, images, QR codes …) load with those screens.
  { name: "antd", test: antdModules, tags: ["$initial" as const], priority: 20 },
  // One chunk, not several: splitting antd further breaks the order its modules initialise in.
  { name: "antd-extra", test: antdModules, priority: 19 },
];

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    chunkSizeWarningLimit: 800,
    rolldownOptions: {
      output: { codeSplitting: { groups: vendorGroups } },
    },
  },
  server: {
    port: 5173,
    proxy: {
      // ws: the hearing room's signalling socket lives under /api as well.
      "/api": { target: "http://localhost:3000", ws: true },
      "/ledger": "http://localhost:3000",
    },
  },
});
