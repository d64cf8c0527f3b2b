import { defineCatalog } from "./catalog";

/** Delivery: the platform inbox (站内信) where served notices arrive. */
export const delivery = defineCatalog({
  "zh-CN": {
    nav: { inbox: "站内信" },
    inbox: {
      title: "站内信",
      intro: "法院送达的通知和案件消息。",
      unreadOnly: "只看未读",
      markRead: "标为已读",
      markAllRead: "全部标为已读",
      markedAll: "已将 {{count}} 条标为已读",
      empty: "暂无消息",
      unread: "未读",
      unreadCount: "{{count}} 条未读",
      openCase: "查看案件",
      total: "共 {{count}} 条",
    },
  },
  en: {
    nav: { inbox: "Inbox" },
    inbox: {
      title: "Inbox",
      intro: "Notices served by the court and messages about your cases.",
      unreadOnly: "Unread only",
      markRead: "Mark as read",
      markAllRead: "Mark all as read",
      markedAll: "Marked {{count}} as read",
      empty: "No messages",
      unread: "Unread",
      unreadCount: "{{count}} unread",
      openCase: "Open the case",
      total: "{{count}} messages",
    },
  },
});
